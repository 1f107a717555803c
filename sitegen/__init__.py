"""sitegen: turn raw dumps of scraped articles into an annotated reading archive and a static site."""

__version__ = "0.1.0"
