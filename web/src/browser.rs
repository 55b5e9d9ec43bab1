//! Browser glue, kept in one place so the rest of the app is plain Rust:
//! `localStorage`, the page URL, the clipboard, downloads, `postMessage` to
//! an embedding page, size and event observers, and focus.
//!
//! Outside a browser (native tests render components to strings) there is
//! no window: reads give nothing and writes do nothing.

use crate::state::{Boot, Mode};
use crate::store::{self, Stored};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, EventTarget, HtmlDialogElement, HtmlTextAreaElement, Storage, Window};
use yew::Callback;

/// The message type an embedded page posts to its parent with its height.
pub const HEIGHT_MESSAGE: &str = "headroom:height";

fn window() -> Option<Window> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window();
    #[cfg(not(target_arch = "wasm32"))]
    return None;
}

/// The text of a JavaScript exception.
fn js_message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| String::from("the browser refused"))
}

// --- Storage -------------------------------------------------------------

fn storage() -> Option<Storage> {
    // Reading `localStorage` throws where storage is blocked.
    window()?.local_storage().ok().flatten()
}

/// The stored text under `key`.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`, or says why the browser would not.
pub fn save(key: &str, value: &str) -> Result<(), String> {
    let storage = storage().ok_or("this browser does not let this page store anything")?;
    storage.set_item(key, value).map_err(|e| {
        let message = js_message(&e);
        if message.to_ascii_lowercase().contains("quota") {
            String::from("the browser's storage for this site is full. Delete saved models you no longer need, or export this one.")
        } else {
            message
        }
    })
}

/// Removes `key`.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The saved model `id`, when its text can be read.
pub fn load_stored(id: u32) -> Option<Stored> {
    let source = load(&store::model_key(id))?;
    let inputs = load(&store::inputs_key(id)).map(|t| store::decode_inputs(&t)).unwrap_or_default();
    Some(Stored { id, source, inputs })
}

/// The IDs of the saved models whose text the browser's storage keeps.
fn stored_models() -> Vec<u32> {
    let Some(storage) = storage() else { return Vec::new() };
    let keys = (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten());
    keys.filter(|k| k.starts_with("headroom.model.")).filter_map(|k| store::id_of_key(&k)).collect()
}

/// This tab's `sessionStorage`, which a reload keeps.
fn tab_storage() -> Option<Storage> {
    window()?.session_storage().ok().flatten()
}

/// The saved model this tab worked on last (a reload stays on it while
/// another tab works on another), else the one any tab worked on last.
pub fn load_current() -> Option<Stored> {
    let id = |t: String| t.trim().parse().ok();
    tab_current().and_then(load_stored).or_else(|| load(store::CURRENT_KEY).and_then(id).and_then(load_stored))
}

/// The saved model this tab worked on, when it has worked on one.
fn tab_current() -> Option<u32> {
    tab_storage()?.get_item(store::CURRENT_KEY).ok().flatten()?.trim().parse().ok()
}

/// Records the model this tab works on: for its reloads, and for the next
/// page opened in this browser.
pub fn save_current(id: u32) -> Result<(), String> {
    if let Some(s) = tab_storage() {
        let _ = s.set_item(store::CURRENT_KEY, &id.to_string());
    }
    save(store::CURRENT_KEY, &id.to_string())
}

/// What the app starts from: the URL, and (outside the embed, which keeps
/// nothing in the browser) the saved models.
pub fn boot() -> Boot {
    let mode = Mode::from_query(&location_search());
    let fragment = location_hash();
    if mode.embed {
        return Boot { mode, fragment, ..Boot::default() };
    }
    let mut saved: Vec<store::Entry> = load(store::SAVED_KEY).map(|t| store::decode_saved(&t)).unwrap_or_default();
    // The list as the stored models are, written back when that changed it
    // (an unchanged list is not written: another tab may be writing it).
    let name_of = |id| crate::state::text_title(&load(&store::model_key(id)).unwrap_or_default());
    if store::reconcile(&mut saved, &stored_models(), name_of) {
        // A list the browser refuses is tried again with the next save.
        let _ = save(store::SAVED_KEY, &store::encode_saved(&saved));
    }
    // The model worked on last was deleted: the last one saved is the
    // user's work still, not a preset.
    let current = load_current().or_else(|| saved.iter().rev().find_map(|e| load_stored(e.id)));
    Boot { mode, fragment, saved, current, reloaded: tab_current() }
}

// --- The page URL --------------------------------------------------------

/// The query string, with its `?` (or "").
pub fn location_search() -> String {
    window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The fragment, without its `#` (or "").
pub fn location_hash() -> String {
    let hash = window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    hash.trim_start_matches('#').to_string()
}

/// The page's origin (`https://host:port`).
pub fn origin() -> String {
    window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// The page's address without query and fragment (`https://host/path/`).
pub fn base_url() -> String {
    let path = window().and_then(|w| w.location().pathname().ok()).unwrap_or_default();
    format!("{}{path}", origin())
}

/// This page's address with another query (`?embed`, or "") and fragment.
pub fn page_url(query: &str, fragment: &str) -> String {
    let mut url = base_url();
    url.push_str(query);
    if !fragment.is_empty() {
        url.push('#');
        url.push_str(fragment);
    }
    url
}

/// Sets the page's title.
pub fn set_title(title: &str) {
    if let Some(d) = window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

/// What a history entry without a scenario in its address showed, for
/// Back to return to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A saved model, by its ID.
    Saved(u32),
    /// A new model not changed yet.
    New,
    /// Something else (a link or preset, in the address already).
    Other,
}

/// Puts `fragment` in the address bar (or removes the fragment) without
/// reloading or firing `hashchange`: as a new entry of the history when
/// `push`, else in place of the current one. The entry keeps what it
/// shows ([`history_entry`]).
pub fn set_fragment(fragment: Option<&str>, push: bool, shows: Entry) {
    let Some(history) = window().and_then(|w| w.history().ok()) else { return };
    let state = match shows {
        Entry::Saved(id) => JsValue::from(id),
        Entry::New => JsValue::from_str("new"),
        Entry::Other => JsValue::NULL,
    };
    if !push && location_hash() == fragment.unwrap_or_default() && history.state().is_ok_and(|s| s == state) {
        return;
    }
    let url = page_url(&location_search(), fragment.unwrap_or_default());
    let _ = match push {
        true => history.push_state_with_url(&state, "", Some(&url)),
        false => history.replace_state_with_url(&state, "", Some(&url)),
    };
}

/// What the current history entry showed ([`set_fragment`]).
pub fn history_entry() -> Entry {
    let state = window().and_then(|w| w.history().ok()).and_then(|h| h.state().ok()).unwrap_or(JsValue::NULL);
    match state.as_f64() {
        Some(id) if id >= 0.0 && id <= f64::from(u32::MAX) => Entry::Saved(id as u32),
        _ if state.as_string().as_deref() == Some("new") => Entry::New,
        _ => Entry::Other,
    }
}

// --- Clipboard and downloads ---------------------------------------------

/// Copies `text` to the clipboard; `done` gets the outcome.
pub fn copy(text: String, done: Callback<Result<(), String>>) {
    let Some(w) = window() else { return done.emit(Err("there is no clipboard here".into())) };
    let navigator = w.navigator();
    // `navigator.clipboard` is missing outside secure contexts.
    let has = js_sys::Reflect::has(&navigator, &JsValue::from_str("clipboard")).unwrap_or(false);
    if !has {
        return done.emit(Err("this page cannot reach the clipboard".into()));
    }
    let promise = navigator.clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let result = wasm_bindgen_futures::JsFuture::from(promise).await;
        done.emit(result.map(|_| ()).map_err(|e| js_message(&e)));
    });
}

/// Offers `text` as a file called `file_name` to download.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let document = window().and_then(|w| w.document()).ok_or("there is no page to download from")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| js_message(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_message(&e))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|e| js_message(&e))?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // The download starts from the click; the URL is released a moment
    // later, once the browser has read it.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

// --- Embedding -----------------------------------------------------------

/// Tells the embedding page how tall this page is:
/// `{type: "headroom:height", height}` (CSS pixels) to `window.parent`.
/// The height says nothing private, so any parent may read it.
pub fn post_height(height: i32) {
    let Some(w) = window() else { return };
    let Ok(Some(parent)) = w.parent() else { return };
    if js_sys::Object::is(&parent, &w) {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    let _ = parent.post_message(&message, "*");
}

/// Watches an element's size; stops when dropped.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `f` whenever `element` changes size (and once at the start).
pub fn watch_size(element: &Element, f: impl FnMut() + 'static) -> Option<SizeWatch> {
    let callback = Closure::<dyn FnMut()>::new(f);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(SizeWatch { observer, _callback: callback })
}

// --- Frames ----------------------------------------------------------------

/// Work waiting for the browser to paint; cancelled when dropped.
pub struct AfterPaint {
    frame: Option<i32>,
    _callback: Option<Closure<dyn FnMut()>>,
    timer: Rc<RefCell<Option<Timeout>>>,
}

impl Drop for AfterPaint {
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.frame, window()) {
            let _ = w.cancel_animation_frame(id);
        }
        self.timer.borrow_mut().take();
    }
}

/// Runs `f` in a task after the browser has painted its next frame (a
/// timer started in the frame's callback fires after its paint). A hidden
/// page paints nothing, so there it runs in the next task.
pub fn after_paint(f: impl FnOnce() + 'static) -> Option<AfterPaint> {
    let w = window()?;
    let timer = Rc::new(RefCell::new(None));
    if w.document()?.hidden() {
        *timer.borrow_mut() = Some(Timeout::new(0, f));
        return Some(AfterPaint { frame: None, _callback: None, timer });
    }
    let slot = timer.clone();
    let mut f = Some(f);
    let callback = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = f.take() {
            *slot.borrow_mut() = Some(Timeout::new(0, f));
        }
    });
    let frame = w.request_animation_frame(callback.as_ref().unchecked_ref()).ok()?;
    Some(AfterPaint { frame: Some(frame), _callback: Some(callback), timer })
}

/// Work waiting for the browser to be idle; cancelled when dropped.
pub struct WhenIdle {
    handle: Option<u32>,
    _callback: Option<Closure<dyn FnMut()>>,
    _timer: Option<Timeout>,
}

impl Drop for WhenIdle {
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.handle, window()) {
            w.cancel_idle_callback(id);
        }
    }
}

/// Runs `f` when the browser has nothing else to do; where it cannot say
/// (no `requestIdleCallback`), after `fallback_ms`.
pub fn when_idle(fallback_ms: u32, f: impl FnOnce() + 'static) -> Option<WhenIdle> {
    let w = window()?;
    if js_sys::Reflect::has(&w, &JsValue::from_str("requestIdleCallback")).unwrap_or(false) {
        let mut f = Some(f);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
        let handle = w.request_idle_callback(callback.as_ref().unchecked_ref()).ok()?;
        return Some(WhenIdle { handle: Some(handle), _callback: Some(callback), _timer: None });
    }
    Some(WhenIdle { handle: None, _callback: None, _timer: Some(Timeout::new(fallback_ms, f)) })
}

// --- Events and focus ----------------------------------------------------

/// An event listener; removed when dropped.
pub struct Listener {
    target: EventTarget,
    name: &'static str,
    callback: Closure<dyn FnMut(Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(self.name, self.callback.as_ref().unchecked_ref());
    }
}

/// Listens to `name` events on the window.
pub fn on_window(name: &'static str, f: impl FnMut(Event) + 'static) -> Option<Listener> {
    let target: EventTarget = window()?.into();
    let callback = Closure::<dyn FnMut(Event)>::new(f);
    target.add_event_listener_with_callback(name, callback.as_ref().unchecked_ref()).ok()?;
    Some(Listener { target, name, callback })
}

/// Opens a `<dialog>` as a modal: the rest of the page is inert, focus
/// moves into it, and Escape closes it.
pub fn show_modal(dialog: &HtmlDialogElement) {
    if !dialog.open() {
        let _ = dialog.show_modal();
    }
}

/// The element that has the focus.
pub fn focused() -> Option<web_sys::HtmlElement> {
    window()?.document()?.active_element()?.dyn_into().ok()
}

/// Focuses `textarea`, selects `start..end` (UTF-16 offsets) and scrolls
/// its pane (the textarea is as tall as its text, so the pane scrolls, not
/// the textarea) to show line `line` of `lines` in the middle, unless it is
/// in view already.
pub fn select_in(textarea: &HtmlTextAreaElement, start: u32, end: u32, line: u32, lines: u32) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = textarea.focus_with_options(&options);
    let _ = textarea.set_selection_range(start, end);
    let Some((pane, top, bottom)) = line_box(textarea, line, lines) else { return };
    let (seen, height) = (f64::from(pane.scroll_top()), f64::from(pane.client_height()));
    if top < seen || bottom > seen + height {
        pane.set_scroll_top((top - (height - (bottom - top)) / 2.0).max(0.0) as i32);
    }
    reveal_line(&pane, top, bottom);
}

/// The editor's pane, and the top and bottom of line `line` of `lines` in
/// its scrolled content (the textarea is as tall as its text).
fn line_box(textarea: &HtmlTextAreaElement, line: u32, lines: u32) -> Option<(Element, f64, f64)> {
    let pane = textarea.closest(".editor-scroll").ok()??;
    let style = window()?.get_computed_style(textarea).ok()??;
    // Read by the browser: Rust's float parsing costs 15 KiB of wasm.
    let px = |name: &str| js_sys::parse_float(&style.get_property_value(name).unwrap_or_default());
    let (above, below) = (px("padding-top"), px("padding-bottom"));
    let (above, below) = (above.max(0.0), below.max(0.0));
    let row = (f64::from(textarea.scroll_height()) - above - below) / f64::from(lines.max(1));
    // Where the first line starts in the pane's scrolled content.
    let offset = textarea.get_bounding_client_rect().top() - pane.get_bounding_client_rect().top()
        + f64::from(pane.scroll_top())
        + above;
    Some((pane, offset + row * f64::from(line.saturating_sub(1)), offset + row * f64::from(line)))
}

/// Scrolls the page as little as it takes to show the line from `top` to
/// `bottom` of `pane`'s content, clear of the sticky tabs above it (a
/// zoomed page shows only part of the editor).
fn reveal_line(pane: &Element, top: f64, bottom: f64) {
    let Some(w) = window() else { return };
    let shift = pane.get_bounding_client_rect().top() - f64::from(pane.scroll_top());
    let (top, bottom) = (top + shift, bottom + shift);
    let document = w.document();
    let tabs = document.and_then(|d| d.query_selector(".tabs").ok().flatten());
    let above = tabs.map_or(0.0, |t| t.get_bounding_client_rect().bottom().max(0.0));
    let height = w.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    if top < above {
        w.scroll_by_with_x_and_y(0.0, top - above - 8.0);
    } else if bottom > height {
        w.scroll_by_with_x_and_y(0.0, bottom - height + 8.0);
    }
}

/// Keeps the caret's line in view while the editor has the focus: its box
/// shrinks as the status and the error list below it grow, and the line
/// being typed must not slip out of sight.
pub fn keep_caret_in_view(textarea: &HtmlTextAreaElement) {
    if !focused().is_some_and(|f| f.is_same_node(Some(textarea))) {
        return;
    }
    let text = textarea.value();
    let at = textarea.selection_end().ok().flatten().unwrap_or(0) as usize;
    // The line of the caret: the newlines before it (in UTF-16 units).
    let mut units = 0;
    let before = text.chars().take_while(|c| {
        units += c.len_utf16();
        units <= at
    });
    let line = 1 + before.filter(|&c| c == '\n').count();
    let lines = text.split('\n').count();
    let Some((pane, top, bottom)) = line_box(textarea, line as u32, lines as u32) else { return };
    let (seen, height) = (f64::from(pane.scroll_top()), f64::from(pane.client_height()));
    if bottom > seen + height {
        pane.set_scroll_top((bottom - height).ceil() as i32);
    } else if top < seen {
        pane.set_scroll_top(top as i32);
    }
}

thread_local! {
    /// The page's scroll position on each phone tab (results, model) when
    /// it was left for the other, with the generation of the model shown.
    static TAB_SCROLL: std::cell::Cell<[Option<(u32, f64)>; 2]> = const { std::cell::Cell::new([None; 2]) };
}

/// Notes the page's scroll position on tab `tab` (0 results, 1 model),
/// left for the other tab with the model of `generation` open.
pub fn leave_tab(tab: usize, generation: u32) {
    let Some(w) = window() else { return };
    let mut at = TAB_SCROLL.get();
    at[tab % 2] = Some((generation, w.scroll_y().unwrap_or(0.0)));
    TAB_SCROLL.set(at);
}

/// Goes back to the scroll position tab `tab` had when it was left, if the
/// same model is open: switching to the model and back keeps the place in
/// the results. Called once the tab is drawn.
pub fn return_to_tab(tab: usize, generation: u32) {
    let mut at = TAB_SCROLL.get();
    if let (Some(w), Some((g, y))) = (window(), at[tab % 2].take()) {
        if g == generation {
            w.scroll_to_with_x_and_y(0.0, y);
        }
    }
    TAB_SCROLL.set(at);
}

/// Shows the message of the error mark under the point (`x`, `y`) of
/// the window, and hides the others' (NaN: none is under the pointer).
pub fn hover_mark(x: f64, y: f64) {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    let Ok(marks) = document.query_selector_all(".editor-marks .error-mark") else { return };
    for i in 0..marks.length() {
        let Some(mark) = marks.get(i).and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
        let r = mark.get_bounding_client_rect();
        // An empty mark at a line's end is as wide as a character.
        let over = x >= r.left() && x <= r.right().max(r.left() + 8.0) && y >= r.top() && y <= r.bottom();
        let shown = mark.class_list().contains("hover");
        if over && !shown {
            place_tip(&mark);
        }
        if over != shown {
            let _ = mark.class_list().toggle("hover");
        }
    }
}

/// Places the message of error mark `mark` below it and inside the
/// window (the editor's pane would cut off one that runs past its edge):
/// from the mark's left where there is room, else from the window's right.
fn place_tip(mark: &web_sys::HtmlElement) {
    let r = mark.get_bounding_client_rect();
    let width = window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).unwrap_or(0.0);
    let room = width - r.left() - 12.0;
    let px = |v: f64| [&(v.max(0.0) as i32).to_string(), "px"].concat();
    let (left, right, max) = match room >= 320.0 {
        true => (px(r.left()), String::from("auto"), px(room.min(544.0))),
        false => (String::from("auto"), String::from("12px"), px((width - 24.0).min(544.0))),
    };
    // Through the style object: the page's policy forbids style attributes.
    let style = mark.style();
    for (name, value) in
        [("--tip-top", px(r.bottom())), ("--tip-left", left), ("--tip-right", right), ("--tip-max", max)]
    {
        let _ = style.set_property(name, &value);
    }
}

/// Scrolls the editor's pane sideways so that the mark of error `problem`
/// shows beside the line numbers (a long line's error may be far right).
pub fn reveal_mark(textarea: &HtmlTextAreaElement, problem: usize) {
    let Ok(Some(pane)) = textarea.closest(".editor-scroll") else { return };
    let selector = ["mark[data-problem=\"", &problem.to_string(), "\"]"].concat();
    let Ok(Some(mark)) = pane.query_selector(&selector) else { return };
    let gutter = pane.query_selector(".gutter").ok().flatten().map_or(0.0, |g| g.get_bounding_client_rect().width());
    let (m, p) = (mark.get_bounding_client_rect(), pane.get_bounding_client_rect());
    // The mark's ends, from the left of the text in view.
    let (left, right) = (m.left() - p.left() - gutter, m.right() - p.left());
    let (scroll, width) = (f64::from(pane.scroll_left()), f64::from(pane.client_width()));
    // A mark wider than the room beside the line numbers shows its start
    // (a long unknown name), with the line's start when it fits too.
    let room = width - gutter;
    if left < 0.0 || right - gutter - left > room {
        let to = if left + scroll - 16.0 < room / 2.0 { 0.0 } else { scroll + left - 16.0 };
        pane.set_scroll_left(to.max(0.0) as i32);
    } else if right > width {
        pane.set_scroll_left((scroll + right - width + 16.0) as i32);
    }
}

/// Scrolls the element `id` (an explanation just opened) into view as
/// little as it takes: not at all when it shows already.
pub fn reveal(id: &str) {
    let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else { return };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Focuses the text field `id` and selects its text, once the page has
/// drawn it (it is being rendered now).
pub fn select_field_soon(id: String) {
    Timeout::new(0, move || {
        let field = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id));
        if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            let _ = field.focus();
            field.select();
        }
    })
    .forget();
}

/// Focuses the text area `id` with the caret at the end of its text, once
/// the page has drawn it: where a new model's first line is written.
pub fn focus_text_end_soon(id: &'static str) {
    Timeout::new(0, move || {
        let field = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
        if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
            let _ = field.focus();
            let end = field.value().encode_utf16().count() as u32;
            let _ = field.set_selection_range(end, end);
        }
    })
    .forget();
}

/// Focuses the element matching `selector`, or else the first shown of
/// `fallback`'s, once the page has drawn them: what had the focus is going
/// away.
pub fn focus_soon(selector: String, fallback: &'static str) {
    Timeout::new(0, move || {
        let Some(d) = window().and_then(|w| w.document()) else { return };
        // The first of the selectors (`fallback` may list several, split by
        // `, `) whose element is shown: a hidden pane cannot take the focus.
        let shown = |sel: &str| {
            let e = d.query_selector(sel).ok().flatten()?.dyn_into::<web_sys::HtmlElement>().ok()?;
            e.offset_parent().is_some().then_some(e)
        };
        if let Some(e) = shown(&selector).or_else(|| fallback.split(", ").find_map(shown)) {
            let _ = e.focus();
        }
    })
    .forget();
}

/// Replaces the page with a message, for when the app cannot go on.
pub fn show_fatal(message: &str) {
    let Some(document) = window().and_then(|w| w.document()) else { return };
    let Some(root) = document.get_element_by_id("app").or_else(|| document.body().map(Into::into)) else {
        return;
    };
    let Ok(panel) = document.create_element("div") else { return };
    panel.set_class_name("fatal");
    let _ = panel.set_attribute("role", "alert");
    let Ok(title) = document.create_element("h1") else { return };
    title.set_text_content(Some("Headroom stopped"));
    let Ok(text) = document.create_element("p") else { return };
    text.set_text_content(Some(&format!(
        "Something went wrong: {message}. Your saved models are kept in this browser; reload the page to continue."
    )));
    let _ = panel.append_child(&title);
    let _ = panel.append_child(&text);
    root.set_text_content(None);
    let _ = root.append_child(&panel);
}
