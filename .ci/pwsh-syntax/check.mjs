// Parses PowerShell scripts with the tree-sitter grammar (wasm) and fails on any ERROR or MISSING node.
// Usage: node check.mjs FILE.ps1...   Exit 0 when all parse, 1 with file:line:col for each error.
import { Parser, Language } from 'web-tree-sitter';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
await Parser.init();
const lang = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
const parser = new Parser();
parser.setLanguage(lang);

let failed = 0;
for (const file of process.argv.slice(2)) {
  const tree = parser.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  const errors = [];
  const walk = (node) => {
    if (node.isError || node.isMissing) {
      errors.push(`${file}:${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${node.isMissing ? 'missing ' + node.type : 'syntax error near ' + JSON.stringify(node.text.slice(0, 40))}`);
      return;
    }
    if (node.hasError) {
      for (let i = 0; i < node.childCount; i++) walk(node.child(i));
    }
  };
  walk(tree.rootNode);
  if (errors.length) {
    failed++;
    errors.slice(0, 10).forEach((e) => console.log(e));
  } else {
    console.log(`${file}: ok`);
  }
}
process.exit(failed ? 1 : 0);
