//! One input's control: its label with its unit, a field holding its value
//! as a plain number in that unit (`2500`; it takes any value the core
//! reads, such as `2,500`, `1.5 TB` or `25%`), and a slider over its range. A value the core refuses is not used: the field
//! keeps it, marked, with the core's reason, until it is fixed or Escape.

use headroom_core::format::{exact, FIXED_DIGITS};
use headroom_core::report::{slider_position, InputInfo, Shown};
use headroom_core::Report;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Whether an input was set, and its value in its own unit, when its field
/// got the focus: what a refused text puts back.
pub type Before = Option<(bool, f64)>;

/// What the input controls report.
#[derive(Clone, PartialEq, Default)]
pub struct InputEvents {
    /// Text typed into a field: `(input, text, whether the input was set
    /// and its value when the field got the focus)`.
    pub ontype: Callback<(String, String, Before)>,
    /// A slider moved: `(input, value in the input's unit)`.
    pub onslide: Callback<(String, f64)>,
    /// Put an input back to its default.
    pub onreset: Callback<String>,
    /// Forget a refused value.
    pub onrevert: Callback<String>,
}

/// Props of [`InputControl`]. A new report with the same view of this
/// input leaves the control as it is: moving one slider renders one control.
#[derive(Properties)]
pub struct InputControlProps {
    /// The evaluated model.
    pub report: Rc<Report>,
    /// The input's name; the report shows it with its control data.
    pub name: AttrValue,
    /// Why the value typed last was refused.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Shown but not changeable.
    #[prop_or_default]
    pub readonly: bool,
    /// Where changes go.
    pub events: InputEvents,
}

impl PartialEq for InputControlProps {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
            && (Rc::ptr_eq(&self.report, &other.report) || same_control(&self.report, &other.report, &self.name))
            && self.error == other.error
            && self.readonly == other.readonly
            && self.events == other.events
    }
}

/// Whether input `name` shows the same in both reports: what its control
/// renders, compared field by field (a derived comparison of the whole
/// value view costs kilobytes of wasm).
fn same_control(a: &Report, b: &Report, name: &str) -> bool {
    fn view<'r>(r: &'r Report, name: &str) -> Option<(u32, &'r InputInfo)> {
        r.value(name).and_then(|v| Some((v.line, v.input.as_deref()?)))
    }
    match (view(a, name), view(b, name)) {
        (Some((la, a)), Some((lb, b))) => {
            la == lb
                && a.value == b.value
                && a.default == b.default
                && a.range == b.range
                && a.range_text == b.range_text
                && a.changed == b.changed
                && a.field == b.field
                && a.label == b.label
                && a.unit.text == b.unit.text
        }
        (a, b) => a.is_none() && b.is_none(),
    }
}

/// One input's control.
#[function_component(InputControl)]
pub fn input_control(props: &InputControlProps) -> Html {
    // What the user is typing, while it differs from the value shown.
    let draft = use_state(|| None::<String>);
    let announced = crate::hooks::use_announced(props.error.as_ref().map_or_else(String::new, ToString::to_string));
    let Some(v) = props.report.value(&props.name) else { return Html::default() };
    let Some(info) = &v.input else { return Html::default() };
    let name = v.name.clone();
    let field_id = ["input-", &name].concat();
    let error_id = ["input-", &name, "-error"].concat();
    // The field is named by its label alone; its name and unit describe it
    // (read as one, they said "users users in users").
    let label_id = ["input-", &name, "-label"].concat();
    let meta_id = ["input-", &name, "-meta"].concat();
    let described = match props.error.is_some() {
        true => [meta_id.as_str(), " ", error_id.as_str()].concat(),
        false => meta_id.clone(),
    };
    // The plain number in the input's unit (`2500`); the unit is beside it.
    let value = (*draft).clone().unwrap_or_else(|| info.field.clone());

    // The value when the field got the focus: Escape goes back to it (each
    // keystroke is used at once, so there is no edit to merely drop), and
    // so does a refused text.
    let before = use_mut_ref(|| None as Before);
    let oninput = {
        let (draft, ontype, name) = (draft.clone(), props.events.ontype.clone(), name.clone());
        let before = before.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(Some(text.clone()));
            ontype.emit((name.clone(), text, *before.borrow()));
        })
    };
    let has_error = props.error.is_some();
    let onblur = {
        let draft = draft.clone();
        // A refused value stays in the field, with its message.
        Callback::from(move |_: FocusEvent| {
            if !has_error {
                draft.set(None);
            }
        })
    };
    // Typing replaces the value shown rather than editing inside it.
    let onfocus = {
        let (before, state) = (before.clone(), (info.changed, info.value));
        Callback::from(move |e: FocusEvent| {
            *before.borrow_mut() = Some(state);
            e.target_unchecked_into::<HtmlInputElement>().select();
        })
    };
    let onkeydown = {
        let (draft, onrevert, name) = (draft.clone(), props.events.onrevert.clone(), name.clone());
        let (onslide, onreset, now) = (props.events.onslide.clone(), props.events.onreset.clone(), info.value);
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                draft.set(None);
                onrevert.emit(name.clone());
                match *before.borrow() {
                    Some((true, value)) if value != now => onslide.emit((name.clone(), value)),
                    Some((false, _)) => onreset.emit(name.clone()),
                    _ => {}
                }
            }
            "Enter" if !has_error => draft.set(None),
            _ => {}
        })
    };
    let onslide = {
        let (draft, onslide, name) = (draft.clone(), props.events.onslide.clone(), name.clone());
        let (range, default) = (info.range, info.default);
        Callback::from(move |e: InputEvent| {
            // The core refuses what is not a number, with a message.
            let value = e.target_unchecked_into::<HtmlInputElement>().value_as_number();
            let value = range.map_or(value, |(lo, hi)| headroom_core::report::slider_value(value, lo, hi, default));
            draft.set(None);
            onslide.emit((name.clone(), value));
        })
    };
    // Arrow keys step by what sliding rounds to; the browser's own step,
    // a hundredth of the track, can round back to the same value.
    let onslidekey = {
        let (draft, onslide, name) = (draft.clone(), props.events.onslide.clone(), name.clone());
        let (range, default, value) = (info.range, info.default, info.value);
        Callback::from(move |e: KeyboardEvent| {
            let (up, big) = match e.key().as_str() {
                "ArrowUp" | "ArrowRight" => (true, false),
                "ArrowDown" | "ArrowLeft" => (false, false),
                "PageUp" => (true, true),
                "PageDown" => (false, true),
                _ => return,
            };
            let Some((lo, hi)) = range else { return };
            e.prevent_default();
            draft.set(None);
            onslide.emit((name.clone(), headroom_core::report::slider_nudge(value, lo, hi, default, up, big)));
        })
    };
    let onreset = {
        let (draft, onreset, name) = (draft.clone(), props.events.onreset.clone(), name.clone());
        let field_id = field_id.clone();
        Callback::from(move |_: MouseEvent| {
            draft.set(None);
            onreset.emit(name.clone());
            // The button goes away with the change; the focus goes to the
            // field it reset, not to the page.
            crate::browser::select_field_soon(field_id.clone());
        })
    };
    let unit = info.unit.label();
    let default = info.unit.format_value(info.default, FIXED_DIGITS);
    let slider = info.range.zip(info.range_text.as_ref()).map(|((lo, hi), (lo_text, hi_text))| {
        html! {
            <div class="slider">
                <input
                    type="range"
                    class="input-slider"
                    min={exact(slider_position(lo, lo, hi, info.default))}
                    max={exact(slider_position(hi, lo, hi, info.default))}
                    step="any"
                    value={exact(slider_position(info.value, lo, hi, info.default))}
                    aria-label={[&info.label, " (slider)"].concat()}
                    aria-valuetext={v.display.text()}
                    disabled={props.readonly}
                    oninput={onslide}
                    onkeydown={onslidekey}
                />
                <span class="range-ends" aria-hidden="true">
                    <span>{ lo_text.clone() }</span>
                    <span>{ hi_text.clone() }</span>
                </span>
            </div>
        }
    });
    let reset = (info.changed && !props.readonly).then(|| {
        html! {
            <button type="button" class="reset" onclick={onreset} aria-label={["Reset ", &info.label, " to its default, ", &default].concat()} title={["Default: ", &default].concat()}>
                { "Reset" }
            </button>
        }
    });
    html! {
        <div class={["input-control", if info.changed { " changed" } else { "" }, if has_error { " invalid" } else { "" }].concat()} data-name={name.clone()} data-line={v.line.to_string()}>
            <label for={field_id.clone()} class="input-label">
                <span id={label_id.clone()} class="label-text">{ info.label.clone() }</span>
                <span id={meta_id} class="input-meta">
                    // An input without a label of its own is labelled by its
                    // name already.
                    if info.label != *name { <code>{ name.clone() }</code> }
                    if !unit.is_empty() { <span class="unit">{ unit }</span> }
                    { crate::components::value_card::conventions(&v.conventions) }
                </span>
            </label>
            <div class="field-row">
                <input
                    id={field_id}
                    class="input-field"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    {value}
                    readonly={props.readonly}
                    aria-invalid={has_error.to_string()}
                    aria-labelledby={label_id}
                    aria-describedby={described}
                    {oninput}
                    {onfocus}
                    {onblur}
                    {onkeydown}
                />
                { reset.unwrap_or_default() }
            </div>
            { slider.unwrap_or_default() }
            // A refusal is read once typing pauses, not at every key.
            <p class="visually-hidden" role="status">{ announced }</p>
            if let Some(error) = &props.error {
                // The results still use the last value accepted: say which.
                <p id={error_id} class="field-error">
                    { error.clone() }
                    if let Shown::Scalar(in_use) = &v.display {
                        // Two sentences: the message may end without a stop.
                        <span class="field-in-use">{
                            [if error.ends_with(['.', '?', '!']) { " " } else { ". " }, "Results use ", in_use.as_str(), "."].concat()
                        }</span>
                    }
                </p>
            }
        </div>
    }
}
