// Compiles one Typst file to PDF as the `typst compile` command would: a whole process per document, the
// corpus folder as root, so that the comparison times what a Typst user waits for.
//
//   node compile.js ROOT MAIN.typ OUT.pdf
'use strict';

const fs = require('fs');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

const [root, main, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node compile.js ROOT MAIN.typ OUT.pdf');
  process.exit(2);
}
const compiler = NodeCompiler.create({ workspace: root });
const pdf = compiler.pdf({ mainFilePath: main });
fs.writeFileSync(out, pdf);
