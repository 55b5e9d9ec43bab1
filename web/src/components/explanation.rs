//! Show the work: a value's formula, the same formula with the values of
//! its names, the result, and what decided it (the core's explanation).

use headroom_core::explain::Explanation;
use yew::prelude::*;

/// A worked explanation, as the core gives it.
pub fn explanation(e: &Explanation) -> Html {
    html! {
        <div class="explanation" role="region" aria-label={["How ", &e.name, " is computed"].concat()} data-name={e.name.clone()}>
            <dl class="work">
                <dt>{ "Formula" }</dt>
                <dd><code>{ [&e.name, " = ", &e.formula].concat() }</code></dd>
                if e.substituted != e.formula {
                    <dt>{ "With values" }</dt>
                    <dd><code class="substituted">{ e.substituted.clone() }</code></dd>
                }
                <dt>{ "Result" }</dt>
                <dd><code class="result">{ e.result.clone() }</code></dd>
            </dl>
            // `name = result` again would repeat the line above.
            if e.has_decision() {
                <p class="summary">{ e.summary.clone() }</p>
            }
            if !e.steps.is_empty() {
                <ol class="steps">{ for e.steps.iter().map(|s| html! { <li>{ s.clone() }</li> }) }</ol>
            }
        </div>
    }
}
