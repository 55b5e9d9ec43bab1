//! A table of the model, with its cells evaluated.

use headroom_core::report::TableView;
use yew::prelude::*;

/// One table, scrolling sideways when it is wider than the screen.
pub fn table_view(t: &TableView) -> Html {
    html! {
        // Focusable, so a table wider than its pane scrolls by keyboard too.
        <div class="table-wrap" data-name={t.name.clone()} tabindex="0" role="region" aria-label={["Table ", &t.name].concat()}>
            <table class="model-table">
                <caption><code>{ &t.name }</code></caption>
                <thead>
                    <tr>{ for t.headers.iter().zip(&t.text_columns).map(|(h, &text)| html! {
                        <th scope="col" class={align(text)}>{ h }</th>
                    }) }</tr>
                </thead>
                <tbody>
                    { for t.rows.iter().map(|row| html! {
                        <tr>{ for row.iter().zip(&t.text_columns).map(|(cell, &text)| html! {
                            <td class={align(text)}>{ cell }</td>
                        }) }</tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// Text reads from the left, numbers from the right.
fn align(text: bool) -> &'static str {
    if text {
        "text"
    } else {
        "number"
    }
}
