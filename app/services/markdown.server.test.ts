import { describe, expect, it } from "vitest";
import { markdownToPlainText, renderMarkdown } from "./markdown.server";

// ---------------------------------------------------------------------------
// A deliberately small HTML tag scanner. Because markdown-it escapes every
// literal "<" in text, any "<" left in the output must start a real tag, and
// every such tag must be well-formed, allow-listed and carry only
// allow-listed attributes. If the scanner cannot parse a "<", that is a
// failure too (it would be a tag the browser may interpret differently).
// ---------------------------------------------------------------------------

const ALLOWED_TAGS = new Set([
  "p",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "ul",
  "ol",
  "li",
  "a",
  "strong",
  "em",
  "code",
  "pre",
  "blockquote",
  "hr",
  "br",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "img",
  "del",
  "s",
]);

const ALLOWED_ATTRS: Record<string, readonly string[]> = {
  a: ["href", "title", "rel", "target"],
  img: ["src", "alt", "title", "loading", "referrerpolicy"],
  ol: ["start"],
  th: ["style"],
  td: ["style"],
  code: ["class"],
};

interface ScannedTag {
  name: string;
  closing: boolean;
  attrs: Array<[string, string]>;
  raw: string;
}

const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)\s*(\/?)>/y;
const ATTR_RE = /\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&amp;/g, "&");
}

function scanTags(html: string): ScannedTag[] {
  const tags: ScannedTag[] = [];
  for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i + 1)) {
    TAG_RE.lastIndex = i;
    const m = TAG_RE.exec(html);
    if (!m) throw new Error(`unparseable "<" at ${i}: ${JSON.stringify(html.slice(i, i + 60))}`);
    const attrs: Array<[string, string]> = [];
    for (const a of (m[3] ?? "").matchAll(ATTR_RE)) attrs.push([(a[1] ?? "").toLowerCase(), decodeEntities(a[2] ?? "")]);
    tags.push({ name: (m[2] ?? "").toLowerCase(), closing: m[1] === "/", attrs, raw: m[0] });
  }
  return tags;
}

function isSafeUrl(value: string): boolean {
  // Browsers ignore whitespace/control characters inside schemes.
  const squashed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  if (/^(javascript|vbscript|data|file):/.test(squashed)) return false;
  return /^(https?:\/\/|mailto:|\/(?![/\\]))/.test(squashed);
}

function assertSafe(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(?:iframe|object|embed|svg|math|style|form|input|base|meta|link)\b/i);
  for (const tag of scanTags(html)) {
    expect(ALLOWED_TAGS.has(tag.name), `tag <${tag.name}> in ${tag.raw}`).toBe(true);
    // Checked on the raw tag (minus quoted values, where escaped text like
    // title="a&quot; onclick=..." is inert) so it does not rely on ATTR_RE.
    expect(tag.raw.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+\s*=/i);
    expect(tag.attrs.some(([name]) => /^on/i.test(name))).toBe(false);
    for (const [name, value] of tag.attrs) {
      expect(ALLOWED_ATTRS[tag.name] ?? [], `attr ${name} on <${tag.name}>`).toContain(name);
      if (name === "href" || name === "src") {
        expect(isSafeUrl(value), `${name}=${JSON.stringify(value)}`).toBe(true);
      }
      if (name === "src") expect(value.startsWith("https://")).toBe(true);
      if (name === "style") expect(value).toMatch(/^text-align:(left|center|right)$/);
      if (name === "class") expect(value).toMatch(/^language-[A-Za-z0-9_+#.-]+$/);
      if (name === "target") expect(value).toBe("_blank");
    }
  }
  // No href/src anywhere (even as text inside an attribute) may carry a bad scheme.
  for (const m of html.matchAll(/(?:href|src)="([^"]*)"/gi)) {
    expect(isSafeUrl(decodeEntities(m[1] ?? ""))).toBe(true);
  }
}

const XSS_PAYLOADS: readonly string[] = [
  // script tags
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "<script\n>alert(1)</script\n>",
  "text <script>alert(1)</script> inline",
  // event handlers, every shape
  "<img src=x onerror=alert(1)>",
  '<img src="x" onerror="alert(1)">',
  "<img src=x onerror='alert(1)'>",
  "<img/src=x/onerror=alert(1)>",
  "<body onload=alert(1)>",
  '<div onmouseover="alert(1)">hover</div>',
  "<a href=# onclick=alert(1)>click</a>",
  '<p style="x" ONCLICK="alert(1)">caps</p>',
  "<details open ontoggle=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  // javascript: in markdown links, images, references, autolinks
  "[click](javascript:alert(1))",
  "[click](JaVaScRiPt:alert(1))",
  "[click]( javascript:alert(1) )",
  "[click](<javascript:alert(1)>)",
  "[click](javascript&#58;alert(1))",
  "[click](jav&#x61;script:alert(1))",
  "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
  "[click](java\tscript:alert(1))",
  "[click](<java\nscript:alert(1)>)",
  "[click](<java script:alert(1)>)",
  "[click](java%0ascript:alert(1))",
  "[click](\u0001javascript:alert(1))",
  "[click](javascript&colon;alert(1))",
  "[click](vbscript:msgbox(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[click](file:///etc/passwd)",
  "![img](javascript:alert(1))",
  "![img](data:image/png;base64,iVBORw0KGgo=)",
  "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
  "[ref]\n\n[ref]: javascript:alert(1)",
  '[ref]\n\n[ref]: <javascript:alert(1)> "title"',
  "![ref]\n\n[ref]: data:text/html,<script>alert(1)</script>",
  "<javascript:alert(1)>",
  "<vbscript:msgbox(1)>",
  "<data:text/html,<script>alert(1)</script>>",
  "javascript:alert(1)",
  "javascript://example.com/%0aalert(1)",
  "[x](//evil.example)",
  "[x](/\\evil.example)",
  // SVG / MathML / style / embedding
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  "<style>body{background:url(javascript:alert(1))}</style>",
  '<div style="width: expression(alert(1))">ie</div>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  // link-title breakouts
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '[x](https://ok.example "a" onclick="alert(1)")',
  "[x](https://ok.example 'a\" onerror=\"alert(1)')",
  '![x](https://ok.example/p.png "\\"><script>alert(1)</script>")',
  '[x](https://ok.example/"onmouseover="alert(1))',
  '[x](https://ok.example/?q=" onclick="alert(1))',
  '![x" onerror="alert(1)](https://ok.example/p.png)',
  // comments, nesting, unclosed tags
  "<!-- <script>alert(1)</script> -->",
  "<!--><img src=x onerror=alert(1)>-->",
  "<![CDATA[<script>alert(1)</script>]]>",
  '<a href="javascript:alert(1)">unclosed',
  "<<script>script>alert(1)<</script>/script>",
  "<img src=x onerror=alert(1)//",
  "**<img src=x onerror=alert(1)>**",
  "> <script>alert(1)</script>",
  "- <img src=x onerror=alert(1)>\n  - [x](javascript:alert(1))",
  "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
  '```js" onclick="alert(1)\ncode\n```',
  "```<script>alert(1)</script>\nx\n```",
  "`<script>alert(1)</script>`",
  // unicode tricks
  "[x](\u0000javascript:alert(1))",
  "[x](javascript\u200b:alert(1))",
  "[x](\uff4aavascript:alert(1))",
  "[x](https://ok.example\u202e/gnp.exe)",
  "＜script＞alert(1)＜/script＞",
  "\u202e<script>alert(1)</script>",
  "[x](javascript:\u2028alert(1))",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;script&#62;alert(1)&#60;/script&#62;",
  "[x](&#x6A;avascript:alert(1))",
  "[x](&Tab;javascript:alert(1))",
];

describe("test scanner self-check", () => {
  // A checker that never fails proves nothing; make sure it bites.
  it.each([
    ['<img src="x" onerror="alert(1)">'],
    ["<img src=x onerror=alert(1)>"],
    ['<a href="javascript:alert(1)">x</a>'],
    ['<a href="java&#x09;script:alert(1)">x</a>'],
    ['<img src="data:image/png;base64,AAAA">'],
    ['<img src="http://plain.example/p.png">'],
    ["<div>x</div>"],
    ["<h1>x</h1>"],
    ["<svg>"],
    ['<a href="https://ok.example" style="color:red">x</a>'],
    ["<p>broken < tag</p>"],
    ["<!-- c -->"],
  ])("rejects %j", (html) => {
    expect(() => assertSafe(html)).toThrow();
  });

  it("accepts known-good output", () => {
    expect(() => assertSafe('<p><a href="https://ok.example" title="a&quot; onclick=&quot;b" rel="nofollow noopener noreferrer" target="_blank">x</a></p>')).not.toThrow();
  });
});

describe("renderMarkdown — XSS corpus", () => {
  it("has a substantial corpus", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(XSS_PAYLOADS.map((p) => [p]))("neutralises %j", (payload) => {
    assertSafe(renderMarkdown(payload));
  });

  it("survives all payloads concatenated into one document", () => {
    assertSafe(renderMarkdown(XSS_PAYLOADS.join("\n\n")));
    assertSafe(renderMarkdown(XSS_PAYLOADS.join(" ")));
  });

  it("renders rejected link syntax as literal text", () => {
    expect(renderMarkdown("[click](javascript:alert(1))")).toBe("<p>[click](javascript:alert(1))</p>\n");
    expect(renderMarkdown("<script>alert(1)</script>")).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  });

  it("keeps title text inside the attribute", () => {
    const html = renderMarkdown('[x](https://ok.example "a\\" onclick=\\"b")');
    expect(html).toBe('<p><a href="https://ok.example" title="a&quot; onclick=&quot;b" rel="nofollow noopener noreferrer" target="_blank">x</a></p>\n');
  });
});

describe("renderMarkdown — links", () => {
  it("adds rel/target to external links", () => {
    expect(renderMarkdown("[KIM](https://kim.example/acara)")).toBe('<p><a href="https://kim.example/acara" rel="nofollow noopener noreferrer" target="_blank">KIM</a></p>\n');
    expect(renderMarkdown("[x](HTTP://kim.example)")).toContain('rel="nofollow noopener noreferrer" target="_blank"');
  });

  it("keeps site-relative links same-tab", () => {
    expect(renderMarkdown("[jadwal](/events/jakarta-2025#jadwal)")).toBe('<p><a href="/events/jakarta-2025#jadwal">jadwal</a></p>\n');
  });

  it("allows mailto without target", () => {
    expect(renderMarkdown("[email](mailto:panitia@kim.example)")).toBe('<p><a href="mailto:panitia@kim.example">email</a></p>\n');
  });

  it("linkifies schemed URLs and emails", () => {
    const html = renderMarkdown("Daftar di https://kim.example/daftar atau kirim ke panitia@kim.example");
    expect(html).toContain('<a href="https://kim.example/daftar" rel="nofollow noopener noreferrer" target="_blank">https://kim.example/daftar</a>');
    expect(html).toContain('<a href="mailto:panitia@kim.example">panitia@kim.example</a>');
    assertSafe(html);
  });

  it("does not linkify bare file names", () => {
    // fuzzy (scheme-less) links are off so "proposal.zip" etc. stay text.
    expect(renderMarkdown("lampirkan proposal.zip")).toBe("<p>lampirkan proposal.zip</p>\n");
  });

  it("rejects other schemes and protocol-relative URLs", () => {
    for (const src of ["[x](ftp://a.example)", "[x](//a.example)", "[x](tel:+62812)", "[x](relative/path)", "[x](#top)"]) {
      expect(renderMarkdown(src)).not.toContain("<a");
    }
  });

  it("percent-encodes unsafe characters in hrefs", () => {
    const html = renderMarkdown('[x](https://ok.example/a"b<c)');
    assertSafe(html);
    expect(html).toContain('href="https://ok.example/a%22b%3Cc"');
  });
});

describe("renderMarkdown — images", () => {
  it("keeps https images with privacy attributes", () => {
    expect(renderMarkdown("![Poster KIM](https://cdn.kim.example/poster.png)")).toBe(
      '<p><img src="https://cdn.kim.example/poster.png" alt="Poster KIM" loading="lazy" referrerpolicy="no-referrer"></p>\n',
    );
  });

  it("degrades non-https images to their alt text", () => {
    expect(renderMarkdown("![Poster *KIM*](http://cdn.kim.example/poster.png)")).toBe("<p>Poster KIM</p>\n");
    expect(renderMarkdown("![Poster](/uploads/poster.png)")).toBe("<p>Poster</p>\n");
  });

  it("keeps linked images", () => {
    const html = renderMarkdown("[![Poster](https://cdn.kim.example/p.png)](https://kim.example)");
    expect(html).toContain('<a href="https://kim.example"');
    expect(html).toContain('<img src="https://cdn.kim.example/p.png"');
    assertSafe(html);
  });
});

describe("renderMarkdown — structure", () => {
  it("demotes headings so user content never emits h1", () => {
    const html = renderMarkdown("# A\n## B\n### C\n#### D\n##### E\n###### F\n\nSetext\n======\n");
    expect(html).not.toMatch(/<h1/);
    expect(html).toBe("<h2>A</h2>\n<h3>B</h3>\n<h4>C</h4>\n<h5>D</h5>\n<h6>E</h6>\n<h6>F</h6>\n<h2>Setext</h2>\n");
  });

  it("renders lists", () => {
    expect(renderMarkdown("- satu\n- dua\n\n3. tiga\n4. empat")).toBe('<ul>\n<li>satu</li>\n<li>dua</li>\n</ul>\n<ol start="3">\n<li>tiga</li>\n<li>empat</li>\n</ol>\n');
  });

  it("renders emphasis, strikethrough, inline code and breaks", () => {
    expect(renderMarkdown("**tebal** _miring_ ~~coret~~ `kode`\nbaris baru")).toBe("<p><strong>tebal</strong> <em>miring</em> <s>coret</s> <code>kode</code><br>\nbaris baru</p>\n");
  });

  it("renders fenced code with a safe language class and escaped content", () => {
    expect(renderMarkdown("```ts\nconst a = '<b>';\n```")).toBe("<pre><code class=\"language-ts\">const a = '&lt;b&gt;';\n</code></pre>\n");
    expect(renderMarkdown('```ts" x="y\nz\n```')).toBe("<pre><code>z\n</code></pre>\n");
  });

  it("renders tables", () => {
    const html = renderMarkdown("| Tim | Skor |\n|:--|--:|\n| Garuda | 90 |");
    expect(html).toBe(
      '<table>\n<thead>\n<tr>\n<th style="text-align:left">Tim</th>\n<th style="text-align:right">Skor</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td style="text-align:left">Garuda</td>\n<td style="text-align:right">90</td>\n</tr>\n</tbody>\n</table>\n',
    );
    assertSafe(html);
  });

  it("renders blockquotes and rules", () => {
    expect(renderMarkdown("> kutipan\n\n---")).toBe("<blockquote>\n<p>kutipan</p>\n</blockquote>\n<hr>\n");
  });

  it("does not apply typographic replacements", () => {
    expect(renderMarkdown('"kutip" -- (c)')).toBe("<p>&quot;kutip&quot; -- (c)</p>\n");
  });

  it("handles empty input", () => {
    expect(renderMarkdown("")).toBe("");
  });
});

describe("markdownToPlainText", () => {
  it("flattens markup to one line", () => {
    const src = "# Hackathon KIM\n\nAyo **daftar** di [sini](https://kim.example)!\n\n- Hadiah `Rp10jt`\n- Mentor\n\n```\ncode()\n```\n\n![poster](https://x.example/p.png)";
    expect(markdownToPlainText(src, 200)).toBe("Hackathon KIM Ayo daftar di sini! Hadiah Rp10jt Mentor");
  });

  it("returns raw characters unescaped (caller escapes)", () => {
    expect(markdownToPlainText("<script>x</script> & co", 100)).toBe("<script>x</script> & co");
  });

  it("truncates at a word boundary with an ellipsis", () => {
    const out = markdownToPlainText("Hackathon komunitas terbesar di Indonesia timur", 30);
    expect(out).toBe("Hackathon komunitas terbesar…");
    expect(Array.from(out).length).toBeLessThanOrEqual(30);
  });

  it("hard-cuts when there is no good word boundary", () => {
    expect(markdownToPlainText("abcdefghijklmnopqrstuvwxyz", 10)).toBe("abcdefghi…");
  });

  it("never splits surrogate pairs and respects the limit", () => {
    const out = markdownToPlainText("🎉".repeat(20), 5);
    expect(out).toBe("🎉🎉🎉🎉…");
    // No lone surrogates: encodeURIComponent throws on them.
    expect(() => encodeURIComponent(out)).not.toThrow();
  });

  it("leaves short text alone and handles degenerate limits", () => {
    expect(markdownToPlainText("pendek", 6)).toBe("pendek");
    expect(markdownToPlainText("pendek", 0)).toBe("");
    expect(markdownToPlainText("pendek", -3)).toBe("");
    expect(markdownToPlainText("pendek", 1)).toBe("…");
    expect(markdownToPlainText("", 10)).toBe("");
  });

  it("strips control and bidi characters", () => {
    expect(markdownToPlainText("a\u202eb\u0007c\u2066d", 10)).toBe("abcd");
  });
});

describe("renderMarkdown — text the page already shows above", () => {
  it("leaves out a leading heading or paragraph that only repeats the section heading or the project's title and tagline", () => {
    const about = renderMarkdown("## Tentang acara\nKIM Hackathon mempertemukan warga.\n\n## Jadwal\nTiga hari.", { omitLeading: ["Tentang acara", "About the event"] });
    expect(about).not.toContain("Tentang acara");
    expect(about).toContain("<p>KIM Hackathon mempertemukan warga.</p>");
    expect(about).toContain("<h3>Jadwal</h3>");
    const project = renderMarkdown("# Lapor Desa\nAduan warga lewat WhatsApp.\n\n## Masalah\nJalan rusak.", { omitLeading: ["Lapor Desa", "Aduan warga lewat WhatsApp"] });
    expect(project).not.toContain("Lapor Desa");
    expect(project).not.toContain("Aduan warga");
    expect(project).toContain("<h3>Masalah</h3>");
  });

  it("keeps a repetition that is not at the start, and everything when nothing is given", () => {
    expect(renderMarkdown("Pengantar.\n\n## Tentang acara\nIsi.", { omitLeading: ["Tentang acara"] })).toContain("<h3>Tentang acara</h3>");
    expect(renderMarkdown("## Tentang acara\nIsi.")).toContain("<h3>Tentang acara</h3>");
    expect(renderMarkdown("## Tentang acara kami\nIsi.", { omitLeading: ["Tentang acara"] })).toContain("<h3>Tentang acara kami</h3>");
  });
});

describe("renderMarkdown — texts rendered before", () => {
  it("gives the same HTML for a text rendered again, and never another text's HTML", () => {
    const source = "## Tentang\nKIM **Hackathon** mempertemukan warga.";
    const first = renderMarkdown(source);
    expect(renderMarkdown(source)).toBe(first);
    // The texts left out above are part of what is kept: the same source with another heading omitted.
    expect(renderMarkdown(source, { omitLeading: ["Tentang"] })).not.toContain("<h3>Tentang</h3>");
    expect(renderMarkdown(source)).toContain("<h3>Tentang</h3>");
    // A title and a source that would read alike if simply joined are told apart.
    const a = renderMarkdown("b\n\nc", { omitLeading: ["a"] });
    const b = renderMarkdown("c", { omitLeading: ["a", "b"] });
    expect(a).toBe("<p>b</p>\n<p>c</p>\n");
    expect(b).toBe("<p>c</p>\n");
    // A text too long to keep is rendered each time, to the same HTML.
    const long = `${"Paragraf panjang. ".repeat(1200)}\n\n**akhir**`;
    expect(long.length).toBeGreaterThan(16_000);
    expect(renderMarkdown(long)).toBe(renderMarkdown(long));
    expect(renderMarkdown(long)).toContain("<strong>akhir</strong>");
  });
});
