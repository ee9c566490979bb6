// Placeholder until the web apps exist.
