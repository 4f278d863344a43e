// Package palette owns colour for generated apps: the CSS named colours and
// the everyday words people use for colours, parsing of #rrggbb values,
// relative luminance and WCAG contrast, and the construction of an accessible
// theme. A colour the user asks for is kept exactly; what is derived around it
// (text on the background, text on the primary colour, surfaces, accents and
// dark-mode variants) is chosen so that text stays readable.
package palette
