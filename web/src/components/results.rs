//! The results: what the core computed, in model order, grouped under the
//! model's `##` headings.

use crate::components::check_row::CheckRow;
use crate::components::table_view::TableView;
use crate::components::value_row::ValueRow;
use headroom_core::report::Item;
use headroom_core::Report;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The evaluated model.
    pub report: Rc<Report>,
}

/// The results area.
#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let groups = sections(&props.report.items).into_iter().map(|(title, items)| {
        html! {
            <section class="group">
                if let Some(title) = title {
                    <h2>{ title }</h2>
                }
                { for items.iter().map(|item| item_html(item)) }
            </section>
        }
    });
    html! {
        <section id="results" class="results" aria-label="Results" aria-live="polite">
            if props.report.items.is_empty() {
                <p class="empty">{ "Nothing to show yet: write an input or a value in the model." }</p>
            }
            { for groups }
        </section>
    }
}

fn item_html(item: &Item) -> Html {
    match item {
        // Headings start the groups; they never reach here.
        Item::Section(_) => Html::default(),
        Item::Value(v) => html! { <ValueRow view={v.clone()} /> },
        Item::Check(c) => html! { <CheckRow view={c.clone()} /> },
        Item::Table(t) => html! { <TableView view={t.clone()} /> },
    }
}

/// The items split at each heading: the heading's title (none for what
/// comes before the first) and the items under it. Empty groups are kept
/// so an empty heading still shows.
fn sections(items: &[Item]) -> Vec<(Option<&str>, Vec<&Item>)> {
    let mut out: Vec<(Option<&str>, Vec<&Item>)> = Vec::new();
    for item in items {
        match item {
            Item::Section(title) => out.push((Some(title), Vec::new())),
            _ => match out.last_mut() {
                Some((_, group)) => group.push(item),
                None => out.push((None, Vec::from([item]))),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(src: &str) -> Vec<(Option<String>, usize)> {
        let report = headroom_core::run(src, &[]);
        sections(&report.items).into_iter().map(|(t, items)| (t.map(String::from), items.len())).collect()
    }

    #[test]
    fn values_before_the_first_heading_form_an_untitled_group() {
        assert_eq!(shape("a = 1\n## A\nb = 2\nc = 3"), [(None, 1), (Some("A".into()), 2)]);
    }

    #[test]
    fn an_empty_heading_is_kept() {
        assert_eq!(shape("## A\n## B\nb = 2"), [(Some("A".into()), 0), (Some("B".into()), 1)]);
    }
}
