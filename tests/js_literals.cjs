// Lists the string, template and regular-expression literals of scripts that hold Thai letters
// (comments are not literals), as JSON: [{file, line, text}]. Used by tests/test_script_words.py.
// Usage: node tests/js_literals.cjs FILE...
"use strict";
const fs = require("fs");
const path = require("path");
const ts = require(path.join(__dirname, "..", "node_modules", "typescript"));

const THAI = /[\u0e00-\u0e7f]/;
const KINDS = new Set([
  ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle, ts.SyntaxKind.TemplateTail, ts.SyntaxKind.RegularExpressionLiteral,
]);
const found = [];
for (const file of process.argv.slice(2)) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const visit = (node) => {
    if (KINDS.has(node.kind)) {
      const text = node.getText(source);
      if (THAI.test(text)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ file: path.basename(file), line, text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
process.stdout.write(JSON.stringify(found));
