//! `Fresh`: a view that is replaced, never patched, when the closure holding it runs again.
//!
//! Leptos re-renders a reactive closure by *rebuilding* its previous view in place: for every
//! element, attribute and text of the view's type it generates code that compares the old value
//! with the new one. That code is compiled per view type, and for a whole screen it is kilobytes
//! of WebAssembly that every user downloads. For views that are new content when they change
//! (another screen, the next question, a chart for other numbers) comparing buys nothing: the
//! nodes differ anyway, and focus moves to the new heading. `Fresh(view)` builds the new view
//! and swaps it in where the old one was, which is what Leptos already does for closures, so a
//! rebuild costs the `build` that is compiled anyway plus a swap.
//!
//! Used for every type-erased view (`into_fresh`, which replaces `into_any`); the question of a
//! practice quiz or flashcard (focus is on the main button, outside it, when it changes); parts
//! redrawn as a whole when their data changes (the stats figures and the home's cards when
//! another tab saves, Settings' set-aside list after a delete; a control focused inside them
//! loses focus, which is rare, and the content has changed anyway); and what a closure shows or
//! hides (help lists, messages, tags, the share link).
//!
//! Never wrap a view whose nodes must survive a re-render: the exam's question (its keys change
//! it while focus is on its heading or a choice) and Browse's "Show more" (focus stays on it as
//! the list grows) are patched in place.

use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::any_view::{AnyView, IntoAny};
use leptos::tachys::view::{add_attr::AddAnyAttr, Mountable, Position, PositionState, Render, RenderHtml};

pub struct Fresh<V>(pub V);

impl<V: Render> Render for Fresh<V> {
    type State = V::State;

    fn build(self) -> Self::State {
        self.0.build()
    }

    fn rebuild(self, state: &mut Self::State) {
        let new = self.0.build();
        let mut old = std::mem::replace(state, new);
        old.insert_before_this(state);
        old.unmount();
    }
}

impl<V: RenderHtml> AddAnyAttr for Fresh<V> {
    type Output<A: Attribute> = Fresh<V::Output<A>>;

    fn add_any_attr<A: Attribute>(self, attr: A) -> Self::Output<A>
    where
        Self::Output<A>: RenderHtml,
    {
        Fresh(self.0.add_any_attr(attr))
    }
}

// Server rendering and hydration are not used by this client-only app; they are passed through
// so that `Fresh` is a complete view type (and compiled out).
impl<V: RenderHtml> RenderHtml for Fresh<V> {
    type AsyncOutput = Fresh<V::AsyncOutput>;
    type Owned = Fresh<V::Owned>;
    const MIN_LENGTH: usize = V::MIN_LENGTH;

    fn dry_resolve(&mut self) {
        self.0.dry_resolve();
    }

    async fn resolve(self) -> Self::AsyncOutput {
        Fresh(self.0.resolve().await)
    }

    fn html_len(&self) -> usize {
        self.0.html_len()
    }

    fn to_html_with_buf(self, buf: &mut String, position: &mut Position, escape: bool, mark_branches: bool, extra_attrs: Vec<AnyAttribute>) {
        self.0.to_html_with_buf(buf, position, escape, mark_branches, extra_attrs);
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        self.0.to_html_async_with_buf::<OUT_OF_ORDER>(buf, position, escape, mark_branches, extra_attrs);
    }

    fn hydrate<const FROM_SERVER: bool>(self, cursor: &Cursor, position: &PositionState) -> Self::State {
        self.0.hydrate::<FROM_SERVER>(cursor, position)
    }

    fn into_owned(self) -> Self::Owned {
        Fresh(self.0.into_owned())
    }
}

/// `view.into_fresh()` is `Fresh(view).into_any()`: the type-erased view that screens return
/// when their branches differ in type. Every `into_any()` links the rebuild code of its type
/// (the erased view keeps a pointer to it), so the app erases only through here.
pub trait IntoFresh: RenderHtml + Send + 'static {
    fn into_fresh(self) -> AnyView {
        Fresh(self).into_any()
    }
}

impl<V: RenderHtml + Send + 'static> IntoFresh for V {}

#[cfg(test)]
mod tests {
    /// Every view the app type-erases goes through `into_fresh`: a plain `into_any()` would link
    /// its type's rebuild code again.
    #[test]
    fn the_app_erases_views_only_through_into_fresh() {
        fn visit(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    visit(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("fresh.rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    found.extend(text.lines().enumerate().filter(|(_, l)| l.contains(".into_any()")).map(|(i, _)| format!("{}:{}", path.display(), i + 1)));
                }
            }
        }
        let mut found = Vec::new();
        visit(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
        assert!(found.is_empty(), "use `.into_fresh()` instead of `.into_any()` at {found:?}");
    }
}
