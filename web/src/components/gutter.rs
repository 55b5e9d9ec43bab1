//! The editor's line numbers; a line with an error is marked, with the
//! error's message on hover.
//!
//! The numbers between error lines are one text node each (a long model
//! has hundreds of lines, and a node per number made the first render of
//! the page noticeably slower); the gutter keeps them on their own lines
//! with `white-space: pre`.

use yew::prelude::*;

/// The numbers of `lines` lines; `errors` are the errors' lines (1-based)
/// and messages.
pub fn gutter(lines: usize, errors: &[(u32, String)]) -> Html {
    let mut parts = Vec::new();
    let mut run = String::new();
    for n in 1..=lines {
        let messages: Vec<&str> = errors.iter().filter(|(l, _)| *l as usize == n).map(|(_, m)| m.as_str()).collect();
        if messages.is_empty() {
            run.push_str(&n.to_string());
            run.push('\n');
            continue;
        }
        if !run.is_empty() {
            parts.push(Html::from(core::mem::take(&mut run)));
        }
        parts.push(html! { <span class="ln error" title={messages.join("\n")}>{ n }</span> });
    }
    if !run.is_empty() {
        parts.push(Html::from(run));
    }
    html! { <div class="gutter" aria-hidden="true">{ for parts }</div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(lines: usize, errors: &[(u32, String)]) -> String {
        let errors = errors.to_vec();
        #[function_component]
        fn Host(props: &HostProps) -> Html {
            gutter(props.lines, &props.errors)
        }
        #[derive(Properties, PartialEq)]
        struct HostProps {
            lines: usize,
            errors: Vec<(u32, String)>,
        }
        futures::executor::block_on(
            yew::LocalServerRenderer::<Host>::with_props(HostProps { lines, errors }).hydratable(false).render(),
        )
    }

    #[test]
    fn plain_numbers_are_runs_of_text_and_error_lines_are_marked() {
        let html = render(5, &[(3, "unknown name".into())]);
        assert!(html.contains("1\n2\n"), "{html}");
        assert!(html.contains(r#"<span title="unknown name" class="ln error">3</span>"#), "{html}");
        assert!(html.contains("4\n5\n"), "{html}");
        assert_eq!(html.matches("<span").count(), 1, "{html}");
    }

    #[test]
    fn two_errors_on_one_line_share_its_mark() {
        let html = render(2, &[(1, "a".into()), (1, "b".into())]);
        assert!(html.contains("title=\"a\nb\""), "{html}");
        assert!(html.contains("</span>2\n"), "{html}");
    }
}
