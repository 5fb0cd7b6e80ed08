// Reads a PDF with Mozilla's pdf.js (pdfjs-dist, the reader in Firefox): a second opinion on a PDF the bot wrote.
// Prints JSON { "pages": [ { "width": pt, "height": pt, "items": [ { "text", "x", "y", "width", "height", "font" } ] } ] }
// with positions in points from the bottom-left, as PDF counts them, and widths as pdf.js measures the font. With a
// second argument, also renders each page to "<prefix>-<n>.png" at 2x (through @napi-rs/canvas, pdf.js's own choice
// for Node). Exits nonzero, with the reason on stderr, when the file does not parse.
// Usage: node pdf-read.mjs file.pdf [png-prefix]
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const [file, prefix] = process.argv.slice(2);
const data = new Uint8Array(await readFile(file));
// The standard fonts' outlines ship with pdf.js (its Foxit fonts): read from disk, nothing fetched.
const fonts = join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts") + "/";
const pdf = await getDocument({ data, standardFontDataUrl: fonts, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const view = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  pages.push({
    width: view.width,
    height: view.height,
    items: content.items.filter((i) => i.str.length > 0).map((i) => ({
      text: i.str, x: i.transform[4], y: i.transform[5], width: i.width, height: i.height, font: content.styles[i.fontName]?.fontFamily ?? i.fontName,
    })),
  });
  if (prefix) {
    const { createCanvas } = await import("@napi-rs/canvas");
    const scaled = page.getViewport({ scale: 2 });
    const canvas = createCanvas(scaled.width, scaled.height);
    await page.render({ canvasContext: canvas.getContext("2d"), viewport: scaled }).promise;
    await writeFile(`${prefix}-${n}.png`, await canvas.encode("png"));
  }
}
process.stdout.write(JSON.stringify({ pages }));
