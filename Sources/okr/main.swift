// Placeholder on the `lineedit` branch only, so the package skeleton builds in
// isolation. Drop this file when merging: main's `okr` target replaces it.
