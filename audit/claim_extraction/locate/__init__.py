"""Finding a claim again in its capture: W3C quote selectors and the capture line, for text and HTML."""
