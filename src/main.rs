//! Entry point: mount the app on `<body>`.

fn main() {
    leptos::mount::mount_to_body(django_quiz::app::App);
}
