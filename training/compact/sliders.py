"""The main sliders the compact policy controls, in the platform's units, and the RetouchIQ text."""
import math
import re

# crs key, RetouchIQ short name, min, max, decimals, normalisation scale (policy units = value / scale)
SLIDERS = [
    ("Exposure2012", "exposure", -5.0, 5.0, 2, 1.0),
    ("Contrast2012", "contrast", -100, 100, 0, 40.0),
    ("Highlights2012", "highlights", -100, 100, 0, 40.0),
    ("Shadows2012", "shadows", -100, 100, 0, 40.0),
    ("Whites2012", "whites", -100, 100, 0, 40.0),
    ("Blacks2012", "blacks", -100, 100, 0, 40.0),
    ("Vibrance", "vibrance", -100, 100, 0, 40.0),
    ("Saturation", "saturation", -100, 100, 0, 40.0),
]
KEYS = [s[0] for s in SLIDERS]
DIM = len(SLIDERS)


def to_vector(params):
    """Policy units of the main sliders of an edit (0 where absent)."""
    out = []
    for key, _, lo, hi, _, scale in SLIDERS:
        v = params.get(key, 0)
        v = float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else 0.0
        out.append(max(lo, min(hi, v)) / scale)
    return out


def to_params(vector):
    """Develop params from policy units: clamped, rounded to each slider's decimals, zeros left out."""
    out = {}
    for (key, _, lo, hi, dec, scale), z in zip(SLIDERS, vector):
        v = float(z) * scale
        if not math.isfinite(v):
            v = 0.0
        v = round(max(lo, min(hi, v)), dec)
        if dec == 0:
            v = int(v)
        if v != 0:
            out[key] = v
    return out


def retouchiq_text(params):
    """`{exposure=+0.90; contrast=-30}`: the RetouchIQ edit format (lib/edits serializeRetouchIq)."""
    parts = []
    for key, short, _, _, dec, _ in SLIDERS:
        if key not in params:
            continue
        v = params[key]
        text = ("%.*f" % (dec, v)) if dec else "%d" % v
        parts.append("%s=%s%s" % (short, "+" if v > 0 else "", text))
    return "{" + "; ".join(parts) + "}"


def describe(params):
    """A short English reason for an edit, used as the policy's reasoning text."""
    words = []
    for key, short, _, _, dec, _ in SLIDERS:
        v = params.get(key)
        if v:
            words.append("%s %s" % ("raise" if v > 0 else "lower", short))
    return ("To follow the instruction I " + ", ".join(words) + ".") if words else "The photo already matches the instruction."


_NUM = re.compile(r"([+\-\u2212]?\d+(?:\.\d+)?)\s*(?:ev\s+)?([a-z]+)")


def numbers_by_word(text):
    """(word, signed value) for every `+15 contrast`, `−0.5 EV exposure` in an instruction."""
    return [(w, float(n.replace("\u2212", "-"))) for n, w in _NUM.findall(text.lower())]
