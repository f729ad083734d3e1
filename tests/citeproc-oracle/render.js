// Renders the differential corpus with citeproc-js, the processor inside Zotero and Mendeley, and
// writes what it prints into tests/fixtures/citeproc/expected/, one file per style. The test
// CiteprocParityTests (tests/Pub.Citations.Tests) renders the same corpus with pub and compares
// every string; it needs no node. Run this script again only when the corpus, the style list or the
// pinned citeproc version changes, and review the diff of the expected files before committing them.
//
//   cd tests/citeproc-oracle && npm ci && node render.js
//
// Inputs (all read-only):
//   ../fixtures/citeproc/matrix.json            styles and the locales each one is rendered in
//   ../fixtures/citeproc/corpus/references.json  references written for the comparison (CSL-JSON)
//   ../../papers/references.yaml                 the sample series' bibliography (CSL-YAML)
//   ../fixtures/citeproc/corpus/clusters.json    citation clusters in document order
//   ../../../shared/csl/styles, ../../../shared/csl/locales  the official styles and locales
//
// One document per style and locale: the clusters in order (cluster i sits in note i + 1), every
// reference not cited registered after them as uncited, then the bibliography of all references.
'use strict';

const fs = require('fs');
const path = require('path');
const CSL = require('citeproc');
const yaml = require('js-yaml');

const repo = path.resolve(__dirname, '..', '..');
const fixtures = path.join(repo, 'tests', 'fixtures', 'citeproc');
const shared = path.resolve(repo, '..', 'shared', 'csl');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function loadReferences() {
  const corpus = readJson(path.join(fixtures, 'corpus', 'references.json'));
  const sample = yaml.load(fs.readFileSync(path.join(repo, 'papers', 'references.yaml'), 'utf8'), { schema: yaml.JSON_SCHEMA });
  const all = [...sample.references, ...corpus];
  const byId = new Map();
  for (const item of all) {
    if (byId.has(item.id)) {
      throw new Error(`reference '${item.id}' is defined twice`);
    }
    byId.set(item.id, item);
  }
  return byId;
}

function styleXml(name) {
  const direct = path.join(shared, 'styles', name + '.csl');
  const dependent = path.join(shared, 'styles', 'dependent', name + '.csl');
  const file = fs.existsSync(direct) ? direct : dependent;
  const xml = fs.readFileSync(file, 'utf8');
  // A dependent style names its parent; Zotero renders with the parent's code.
  const parent = /<link[^>]*rel="independent-parent"[^>]*>/.exec(xml);
  if (parent) {
    const href = /href="[^"]*\/([^"/]+)"/.exec(parent[0])[1];
    return fs.readFileSync(path.join(shared, 'styles', href + '.csl'), 'utf8');
  }
  return xml;
}

// A deep copy (citeproc-js annotates the items it is given) with numbers as strings: Zotero hands
// citeproc-js every variable as a string, and citeproc-js fails on a bare number in some places
// (sorting a numeric "volume" of the YAML bibliography, for one). Date parts stay numbers.
function asZoteroGivesIt(item) {
  const copy = JSON.parse(JSON.stringify(item));
  for (const [key, value] of Object.entries(copy)) {
    if (typeof value === 'number') {
      copy[key] = String(value);
    }
  }
  return copy;
}

function engineFor(xml, locale, references) {
  const sys = {
    retrieveLocale: lang => {
      const file = path.join(shared, 'locales', `locales-${lang}.xml`);
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : false;
    },
    retrieveItem: id => asZoteroGivesIt(references.get(id)),
  };
  return new CSL.Engine(sys, xml, locale, true);
}

// citeproc-js writes a bibliography entry as an indented block; the comparison is of the entry's
// content only, with the whitespace between block tags removed.
function entryContent(html) {
  return html
    .trim()
    .replace(/^<div class="csl-entry">/, '')
    .replace(/<\/div>$/, '')
    .replace(/>\s*\n\s*</g, '><')
    .trim();
}

function printsNothing(engine, id) {
  engine.updateItems([id]);
  const bibliography = engine.makeBibliography();
  return !bibliography || bibliography[1].length === 0;
}

function renderDocument(styleName, locale, references, clusters) {
  const xml = styleXml(styleName);
  const engine = engineFor(xml, locale, references);
  const citations = clusters.map((cluster, i) => ({
    citationID: cluster.id,
    citationItems: cluster.items.map(item => ({ ...item })),
    properties: { noteIndex: i + 1 },
  }));
  const cited = new Set(clusters.flatMap(c => c.items.map(i => i.id)));
  const uncited = [...references.keys()].filter(id => !cited.has(id));
  const rendered = engine.rebuildProcessorState(citations, 'html', uncited);
  const result = { citations: {}, bibliography: {}, order: [] };
  for (const [id, , text] of rendered) {
    result.citations[id] = text;
  }
  const bibliography = engine.makeBibliography();
  if (bibliography) {
    const [params, entries] = bibliography;
    // citeproc-js leaves an entry that prints nothing out of the strings but not out of the ids.
    let ids = params.entry_ids.map(group => group[0]);
    if (ids.length !== entries.length) {
      const alone = engineFor(xml, locale, references);
      ids = ids.filter(id => !printsNothing(alone, id));
    }
    if (ids.length !== entries.length) {
      throw new Error(`${styleName} ${locale}: ${ids.length} entry ids for ${entries.length} entries`);
    }
    ids.forEach((id, i) => {
      result.bibliography[id] = entryContent(entries[i]);
      result.order.push(id);
    });
  }
  return result;
}

function main() {
  const matrix = readJson(path.join(fixtures, 'matrix.json'));
  const references = loadReferences();
  const clusters = readJson(path.join(fixtures, 'corpus', 'clusters.json'));
  for (const cluster of clusters) {
    for (const item of cluster.items) {
      if (!references.has(item.id)) {
        throw new Error(`cluster ${cluster.id} cites unknown reference '${item.id}'`);
      }
    }
  }
  const out = path.join(fixtures, 'expected');
  fs.mkdirSync(out, { recursive: true });
  const version = require('citeproc/package.json').version;
  let strings = 0;
  for (const { style, locales } of matrix.styles) {
    const file = { style, citeproc: version, locales: {} };
    for (const locale of locales) {
      const doc = renderDocument(style, locale, references, clusters);
      file.locales[locale] = doc;
      strings += Object.keys(doc.citations).length + Object.keys(doc.bibliography).length + 1;
    }
    fs.writeFileSync(path.join(out, style + '.json'), JSON.stringify(file, null, 1) + '\n');
  }
  console.log(`citeproc-js ${version}: ${matrix.styles.length} styles, ${strings} strings written to ${path.relative(repo, out)}`);
}

main();
