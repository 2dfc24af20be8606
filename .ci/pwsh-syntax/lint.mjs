// Rejects collector patterns that fail on real Windows hosts (issue 18), on the tree-sitter PowerShell tree:
//   ARR-TNC      Test-NetConnection (no timeout: about 21 s per black-holed target; use TcpClient.BeginConnect
//                and AsyncWaitHandle.WaitOne(ms), which work in Windows PowerShell 5.1 and PowerShell 7)
//   ARR-COUNTER  a literal counter path ('\Set(Instance)\Counter') given to Get-Counter, or in a script that calls
//                Get-Counter without mapping names through Perflib: counter names are localized
//   ARR-EXITCODE $p.ExitCode of a Start-Process result without reading $p.Handle first: Windows PowerShell leaves
//                ExitCode null (PowerShell/PowerShell#5421, #20716)
// Usage: node lint.mjs FILE.ps1...   Exit 0 when clean, 1 with file:line:col RULE message for each finding.
import { Parser, Language } from 'web-tree-sitter';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
await Parser.init();
const lang = await Language.load(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'));
const parser = new Parser();
parser.setLanguage(lang);

const COUNTER_PATH = /^\\(\\[^\\]+\\)?[^\\]+\\[^\\]+$/; // \Set(Inst)\Counter or \\host\Set\Counter
const unquote = (t) => t.replace(/^@?["']|["']$/g, '');

function nodes(root, type) {
  const out = [];
  const walk = (n) => {
    if (n.type === type) out.push(n);
    for (let i = 0; i < n.childCount; i++) walk(n.child(i));
  };
  walk(root);
  return out;
}

const commandName = (cmd) => {
  const n = cmd.childCount > 0 ? cmd.child(0) : null;
  return n && n.type === 'command_name' ? n.text.toLowerCase() : '';
};

function lint(file) {
  const src = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const tree = parser.parse(src);
  const findings = [];
  const at = (node, rule, msg) => findings.push(`${file}:${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${rule} ${msg}`);
  const commands = nodes(tree.rootNode, 'command');
  const literals = nodes(tree.rootNode, 'string_literal');

  for (const c of commands) {
    const name = commandName(c);
    if (name === 'test-netconnection' || name === 'tnc') {
      at(c, 'ARR-TNC', 'Test-NetConnection has no timeout; use System.Net.Sockets.TcpClient BeginConnect + AsyncWaitHandle.WaitOne(ms)');
    }
    if (name === 'get-counter') {
      for (const s of nodes(c, 'string_literal')) {
        if (COUNTER_PATH.test(unquote(s.text))) {
          at(s, 'ARR-COUNTER', `literal counter path ${s.text} given to Get-Counter: names are localized; map them through Perflib\\009`);
        }
      }
    }
  }
  const callsGetCounter = commands.some((c) => commandName(c) === 'get-counter');
  if (callsGetCounter && !/Perflib/i.test(src)) {
    for (const s of literals) {
      if (COUNTER_PATH.test(unquote(s.text))) {
        at(s, 'ARR-COUNTER', `English counter path ${s.text} in a script that calls Get-Counter without Perflib name mapping`);
      }
    }
  }

  // variables assigned from Start-Process, then every $v.ExitCode needs an earlier $v.Handle
  const started = new Set();
  for (const a of nodes(tree.rootNode, 'assignment_expression')) {
    const left = nodes(a.child(0), 'variable')[0];
    const rhs = a.child(a.childCount - 1);
    if (left && rhs && nodes(rhs, 'command').some((c) => commandName(c) === 'start-process')) {
      started.add(left.text.toLowerCase());
    }
  }
  const handles = {};
  const members = nodes(tree.rootNode, 'member_access');
  for (const m of members) {
    const v = m.child(0);
    const member = m.child(m.childCount - 1);
    if (v && v.type === 'variable' && member && /^handle$/i.test(member.text)) {
      const k = v.text.toLowerCase();
      handles[k] = Math.min(handles[k] ?? Infinity, m.startIndex);
    }
  }
  for (const m of members) {
    const v = m.child(0);
    const member = m.child(m.childCount - 1);
    if (v && v.type === 'variable' && member && /^exitcode$/i.test(member.text) && started.has(v.text.toLowerCase())) {
      if (!((handles[v.text.toLowerCase()] ?? Infinity) < m.startIndex)) {
        at(m, 'ARR-EXITCODE', `${v.text}.ExitCode read without ${v.text}.Handle taken first: null in Windows PowerShell (PowerShell#5421)`);
      }
    }
  }
  return findings;
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  const f = lint(file);
  if (f.length) {
    failed++;
    f.forEach((line) => console.log(line));
  } else {
    console.log(`${file}: lint ok`);
  }
}
process.exit(failed ? 1 : 0);
