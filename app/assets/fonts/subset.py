"""Makes the PDF fonts in this folder from Debian's Noto fonts (fonts-noto-core, fonts-noto-cjk).

    apt-get install fonts-noto-core fonts-noto-cjk python3-fonttools
    /usr/bin/python3 app/assets/fonts/subset.py app/assets/fonts

Each font keeps only the characters people's names are written with; glyphs are padded to four
bytes (fontkit, which pdf-lib subsets with, misreads unpadded ones) and the Chinese font is
converted from CFF to TrueType outlines (fontkit's CFF subsets of CID-keyed fonts are unreadable).
"""
import sys
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

NOTO = "/usr/share/fonts/truetype/noto"
CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
OUT = sys.argv[1] if len(sys.argv) > 1 else "."

LATIN = "0000-024F 0250-02FF 0300-036F 0370-03FF 0400-052F 1E00-1EFF 2000-206F 20A0-20C0 2100-2122 2190-2193 2212 25CC FB00-FB06"
ARABIC = "0020 00A0 0600-06FF 0750-077F 08A0-08FF 200C-200F 25CC FB50-FDFF FE70-FEFF"
JAVANESE = "0020 00A0 200C-200D 25CC A980-A9DF"
CJK_EXTRA = "0020 00A0 3000-303F FF00-FFEF"


def ranges(spec):
    out = []
    for part in spec.split():
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo, 16), int(hi or lo, 16) + 1))
    return out


def chinese():
    """GB 2312 (simplified) and Big5 level 1 (common traditional) hanzi."""
    chars = set()
    for b1 in range(0xB0, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([b1, b2]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    for b1 in range(0xA4, 0xC6):
        for b2 in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            try:
                c = ord(bytes([b1, b2]).decode("big5"))
            except UnicodeDecodeError:
                continue
            if 0x4E00 <= c <= 0x9FFF:
                chars.add(c)
    return sorted(chars)


def cut(src, unicodes, font_number=0):
    options = subset.Options()
    options.layout_features = ["*"]
    options.hinting = False
    options.font_number = font_number
    font = TTFont(src, fontNumber=font_number)
    s = subset.Subsetter(options)
    s.populate(unicodes=unicodes)
    s.subset(font)
    return font


def to_truetype(font):
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    for g in glyphs.values():
        g.recalcBounds(glyf)
    for name in order:
        advance, _ = font["hmtx"].metrics[name]
        font["hmtx"].metrics[name] = (advance, getattr(glyphs[name], "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in ["maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"]:
        setattr(maxp, field, 0)
    font["post"].formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\000\001\000\000"
    return font


def save(font, name):
    font["glyf"].padding = 4
    font.save(f"{OUT}/{name}")
    print(name)


for weight in ["Regular", "Bold"]:
    save(cut(f"{NOTO}/NotoSans-{weight}.ttf", ranges(LATIN)), f"NotoSans-{weight}.ttf")
    save(cut(f"{NOTO}/NotoSansArabic-{weight}.ttf", ranges(ARABIC)), f"NotoSansArabic-{weight}.ttf")
    save(cut(f"{NOTO}/NotoSansJavanese-{weight}.ttf", ranges(JAVANESE)), f"NotoSansJavanese-{weight}.ttf")
# Face 2 of the collection is Noto Sans CJK SC.
save(to_truetype(cut(CJK, chinese() + ranges(CJK_EXTRA), font_number=2)), "NotoSansSC-Regular.ttf")
