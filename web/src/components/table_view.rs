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
                    { for t.rows.iter().zip(&t.picked_by).map(|(row, by)| html! {
                        // The row a `pick` chose says for what (`tier`).
                        <tr class={(!by.is_empty()).then_some("picked")}>
                            { for row.iter().zip(&t.text_columns).enumerate().map(|(c, (cell, &text))| html! {
                                <td class={align(text)}>
                                    { cell }
                                    if c == 0 && !by.is_empty() {
                                        <span class="picked-by">{ ["picked: ", &by.join(", ")].concat() }</span>
                                    }
                                </td>
                            }) }
                        </tr>
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
