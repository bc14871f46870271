// Placeholder on the `lineedit` branch only, so the package skeleton's test
// target has a source file. Drop this file when merging: main's tests replace it.
