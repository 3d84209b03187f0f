"""Negotiation terms a message names: ``terms(text) -> list[Term]``.

A *term* is an issue of the deal (``base_salary``, ``signing_bonus``,
``office_days``, ``start_date``, ...) with the value the message gives it,
normalised, and the span of the words that say so (CONTRACTS.md, "Terms"):

* money in whole currency units, with the currency code when one is named
  ("128k", "128 thousand", "$128,000", "128.000 EUR", "1.2 lakh", "€700/day");
* counts of days, weeks or months, and percentages;
* a place or a title as a string;
* a date as ISO ``YYYY-MM-DD``, or ``--MM-DD`` when the year is not given;
* ``None`` when the issue is named without a value ("any room on the sign-on?").

How it works: amounts, durations, dates and places are found first, then
each is given the issue whose keyword stands nearest to it in the same
clause; keywords with no value nearby are reported as named-only. Every
pattern here is linear (no nested unbounded repeats), so a message up to the
cap is read in well under a millisecond.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import clip

#: The contract's issue ids (CONTRACTS.md); more may be added, none renamed.
ISSUES: tuple[str, ...] = (
    "base_salary", "signing_bonus", "bonus", "equity", "title", "location", "office_days",
    "start_date", "relocation", "pto", "salary_review", "rate", "onboarding",
)


@dataclass(frozen=True)
class Term:
    issue: str
    value: int | float | str | None
    unit: str | None
    start: int
    end: int
    text: str

    def as_json(self) -> dict:
        out: dict = {"issue": self.issue, "value": self.value}
        if self.unit:
            out["unit"] = self.unit
        out["text"] = self.text
        return out


# --- numbers ---------------------------------------------------------------

# Quantity phrases that are not number words (those are read by _words_value).
_SMALL = {"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a few": 3, "half a": 0.5}
_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "tree": 3, "four": 4, "for": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_UNIT_W = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS_W = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# "one hundred and twenty", "a hundred ten", "ninety two", "twenty five hundred": at most
# a few words, each alternative a fixed word, so the pattern stays linear.
_WORD_NUM = (rf"(?:(?:{_UNIT_W}|an?) hundred(?:(?: and)? (?:{_TENS_W}(?:[ -]{_UNIT_W})?|{_UNIT_W}))?"
             rf"|{_TENS_W}(?:[ -]{_UNIT_W})?(?: hundred)?|{_UNIT_W}(?: hundred)?|tree)")

_CUR_SYMBOL = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "¥": "JPY", "a$": "AUD",
               "au$": "AUD", "c$": "CAD", "ca$": "CAD", "s$": "SGD", "r$": "BRL", "rs": "INR", "rs.": "INR"}
_CUR_WORD = {
    "usd": "USD", "dollars": "USD", "dollar": "USD", "bucks": "USD", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "gbp": "GBP", "pounds": "GBP", "pound": "GBP", "quid": "GBP", "inr": "INR", "rupees": "INR", "rupee": "INR",
    "cad": "CAD", "aud": "AUD", "chf": "CHF", "francs": "CHF", "jpy": "JPY", "yen": "JPY", "sgd": "SGD",
    "brl": "BRL", "reais": "BRL", "pln": "PLN", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "mxn": "MXN",
    "cny": "CNY", "rmb": "CNY", "yuan": "CNY", "krw": "KRW", "won": "KRW", "aed": "AED", "dirhams": "AED",
    "zar": "ZAR", "rand": "ZAR",
}
_MULT = {"lpa": 100_000, "k": 1_000, "thousand": 1_000, "grand": 1_000, "g": 1_000, "m": 1_000_000, "mn": 1_000_000,
         "million": 1_000_000, "mil": 1_000_000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000,
         "lacs": 100_000, "crore": 10_000_000, "crores": 10_000_000, "cr": 10_000_000}

_SYM = r"(?:us\$|au\$|ca\$|a\$|c\$|s\$|r\$|\$|€|£|₹|¥|rs\.?(?= ?\d))"
_CURW = "|".join(sorted(_CUR_WORD, key=len, reverse=True))
_MULTW = r"(?:thousand|grand|million|mil|lakhs?|lacs?|crores?|cr|lpa|mn|k|m|g)"
_CODE = r"(?:usd|eur|gbp|chf|inr|cad|aud|jpy|sgd|brl|pln|sek|nok|dkk|mxn|cny|krw|aed|zar)"
# 128,000 / 128.000 / 128 000 / 1,20,000 (Indian grouping) / 128.5 / 128
_DIGITS = r"\d{1,3}(?:[,.']\d{2,3}){1,3}(?![\d])|\d{1,3}(?: \d{3}){1,2}(?![\d ])|\d+(?:[.,]\d+)?"
_MONEY = re.compile(
    rf"(?P<sym>{_SYM}|{_CODE}\b) ?(?P<n1>{_DIGITS}) ?(?P<m1>{_MULTW}\b)?(?: ?(?P<cw1>{_CURW})\b)?"
    rf"|(?<![\w$€£₹.,+])(?<!\+\d)(?<!\+\d\d)(?P<n2>{_DIGITS}) ?(?:(?P<m2>{_MULTW})\b ?)?(?:(?P<sym2>€|£|\$|₹)|(?P<cw2>{_CURW})\b)?"
    rf"|\b(?P<w3>{_WORD_NUM}) (?P<m3>thousand|grand|million|lakhs?|crores?|k)\b(?: (?P<cw3>{_CURW})\b)?"
    rf"|\b(?P<w4>(?:{_UNIT_W}|{_TENS_W}(?:[ -]{_UNIT_W})?) hundred)\b(?! and| {_UNIT_W}| {_TENS_W}| thousand| k\b)(?: (?P<cw4>{_CURW})\b)?",
    re.IGNORECASE,
)
# "/day", "/hr", " per hour", " a day", " an hour": the one-letter units only after a slash
# ("$8,000 and ..." is not "a d").
_PER = re.compile(
    r"\s?/\s?(?P<per>day|d|hour|hr|h|month|mo|year|yr|annum|week|wk)\b"
    r"|\s(?:per|an?|each)\s(?P<per3>day|hour|hr|month|year|yr|annum|week)\b"
    r"|\s?(?P<per2>hourly|daily|monthly|annually)\b", re.IGNORECASE)
# "(?<!\d)": a number starts where its digits start (tried at every digit
# of a long run, each try read the rest of it: quadratic, 0.15 s at the cap).
_PERCENT = re.compile(rf"(?P<n>(?<!\d)\d+(?:[.,]\d+)?|{_WORD_NUM}) ?(?:%|percent\b|per cent\b|pct\b)", re.IGNORECASE)
_DURATION = re.compile(
    rf"\b(?P<n>\d+(?:\.\d+)?|{_WORD_NUM}|a couple of|couple of|a few|half a|an?)(?:[ -](?:more|extra|additional|full|remote|office|wfh|in-office|onsite|on-site))? ?-?(?P<u>days?|weeks?|wks?|months?|mos?|years?|yrs?)\b",
    re.IGNORECASE)

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MON_ABBR = {m[:3]: i for m, i in _MONTHS.items()} | {"sept": 9}
_MON = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_ORD = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"\b(?P<mon>{_MON}) (?:the )?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (?P<y1>20\d\d))?"
    rf"|\b(?:the )?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?(?P<mon2>{_MON})(?:,? (?P<y2>20\d\d))?"
    rf"|\b(?P<y3>20\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d)\b",
    re.IGNORECASE)

# --- issue keywords ---------------------------------------------------------
# Order matters only for ties; the nearest keyword in the clause wins.
_KEYWORDS: list[tuple[str, re.Pattern[str]]] = [(issue, re.compile(p, re.IGNORECASE)) for issue, p in (
    ("signing_bonus", r"\bsign(?:ing|-on| on| in|on|-in)[ -]?(?:bonus|bonuses|money)?\b|\bjoining bonus\b|\bwelcome bonus\b|\bhiring bonus\b|\bsign bonus\b"),
    ("relocation", r"\breloc\w*\b|\brelo\b|\bmoving (?:costs?|expenses?|allowance|package|support)\b|\bmove costs?\b"),
    ("salary_review", r"\b(?:salary|pay|comp(?:ensation)?|performance|raise) review\b|\breview (?:of )?(?:my |the )?(?:salary|pay|comp\w*)\b|\brevisit (?:my |the )?(?:salary|pay|comp\w*|base|number)\b|\b(?:re-?evaluate|reassess|review) (?:it |that |this )?(?:in|after|at)\b"
                      r"|\b(?:prepon\w*|bring(?:ing)? forward|brought forward|mov(?:e|ing) up|pull(?:ing)? forward) (?:the |my )?review\b|\breview\b(?= (?:\w+ ){0,3}(?:prepon\w*|brought forward|moved (?:up|forward)|earlier|sooner))|\b(?:\w+|\d+)[- ]months? (?:salary |pay )?review\b"),
    ("bonus", r"\b(?:annual|yearly|performance|target|retention|year-end|end-of-year|stay|quarterly)? ?bonus(?:es)?\b"),
    ("equity", r"\bequity\b|\brsus?\b|\bstock(?: options?| grants?)?\b|\boptions\b|\bshares\b|\bvesting\b|\besop\b"),
    ("pto", r"\bpto\b|\bvacation\b|\bholidays?\b|\bannual leave\b|\bleave days\b|\bdays off\b|\btime off\b|\bpaid leave\b"),
    ("office_days", r"\b(?:in[- ]office|office|onsite|on-site|in person) days?\b|\bdays? (?:a week )?(?:in|at|into) (?:the )?office\b|\b(?:in|into|to|at) the office\b|\bthe office\b(?= (?:\w+ )?(?:\d|one|two|three|four|five)\b)|\bonsite\b|\bon-site\b|\bremote\b|\bhybrid\b|\bwfh\b|\bwork(?:ing)? from home\b|\bhome office\b"),
    ("start_date", r"\bstart(?:ing)?(?: date| day)?\b|\bbegin(?:ning)?\b|\bjoin(?:ing)?(?: date)?\b|\bfirst day\b|\bdate of joining\b|\bdoj\b|\bcommenc\w+\b"),
    ("onboarding", r"\bonboarding\b|\borientation\b|\btraining period\b"),
    ("rate", r"\b(?:day|daily|hourly|day-?rate|project|retainer)? ?rates?\b|\bfees?\b|\bretainer\b|\binvoic\w*\b|\buplift\b|\bper (?:day|hour)\b|\b/(?:day|hr|hour|h|d)\b|\ban hour\b|\ba day\b"),
    ("title", r"\btitle\b|\bdesignation\b|\bpromot\w*\b|\blevel(?:led)?\b|\bband\b|\bgrade\b"),
    ("location", r"\boffice\b|\bbranch\b|\blocation\b|\bbased in\b|\bplacement\b|\btransfer\b|\bcity\b|\brelocate to\b|\bmove to\b"),
    ("base_salary", r"\bbase\b|\bsalary\b|\bpay\b|\bcompensation\b|\bcomp\b|\bctc\b|\bpackage\b|\bwage\b|\bincrement\b|\braise\b|\bincrease\b|\bhike\b|\bbump\b|\bannual\b|\bper (?:year|annum)\b|\ba year\b|\b/yr\b|\bnumber\b|\boffer\b|\bmatch\b"),
)]
_KEYWORD_ORDER = {issue: i for i, (issue, _) in enumerate(_KEYWORDS)}
# Words that name the salary only when nothing more specific is near
# ("a relocation package of £5k", "match the equity offer").
_GENERIC = {"increase", "bump", "package", "offer", "number", "match", "annual", "a year", "per year", "per annum", "/yr", "comp",
            "compensation", "pay"}

# Title words after "as"/"to"/"title of": "promoted to Senior Engineer".
_TITLE = re.compile(
    r"\b(?:title (?:of |to |as )?|(?:promoted|promotion|bump(?:ed)?|move|moved|level(?:led)?) (?:up )?to |as (?:a |an |the )?|the (?=\w+ (?:title|role)\b))"
    r"(?P<t>(?:(?:senior|sr\.?|staff|principal|lead|head|chief|junior|jr\.?|associate|assistant|deputy|vice|executive|managing|group|team|tech(?:nical)?|engineering|product|data|software|sales|marketing|design|research|program|project|account|operations|finance)\s){1,3}"
    r"(?:engineer|developer|manager|director|scientist|analyst|designer|architect|consultant|lead|president|vp|officer|partner|associate|specialist|researcher|editor|owner|head)s?)\b"
    r"|\b(?P<t2>(?:senior|staff|principal|lead|head|director|vp|manager|chief) ?(?:\w+ )?)title\b",
    re.IGNORECASE)
# A capitalised title after a cue, in the original text: "titled Engineering
# Manager", "a title of Founding Engineer", "make it Principal Engineer",
# "join as Data Engineer II".
_TITLE_CASED = re.compile(
    r"\b(?:[Tt]itled?(?: of| to| as)?|[Mm]ake it|[Jj]oin(?:ing)? as|[Cc]ome in as|[Pp]romot\w* to|[Bb]ump(?:ed)? to|[Ll]evel(?:led)? to)\s+(?:a |an |the )?"
    r"(?P<t>[A-Z][\w-]*(?:\s(?:[A-Z][\w-]*|I{1,3}|IV|V))*)")

# A place: a capitalised word (in the original text) after a location cue.
_PLACE = re.compile(
    r"\b(?:in|to|at|from|into|the|our|your|for)\s+(?P<p>[A-Z][a-zA-Z.'-]+(?:\s[A-Z][a-zA-Z.'-]+)?)(?=\s+(?:office|branch|team|site|location|hub|placement|posting|role)\b)"
    r"|\b(?:transfer(?:red)?|relocat\w*|move|moving|based|placed|placement|posted|work(?:ing)?|stationed|assigned|seat(?:ed)?|start(?:ing)?|stay(?:ing)?|onsite|on-site|office)\s+(?:\w+\s+){0,2}?(?:in|to|at|out of)\s+(?P<q>[A-Z][a-zA-Z.'-]+(?:\s[A-Z][a-zA-Z.'-]+)?)\b",
)
_ROLE_WORDS = {"engineer", "manager", "director", "lead", "principal", "architect", "analyst", "designer", "scientist",
               "consultant", "partner", "associate", "vp", "head", "officer", "developer", "specialist", "researcher"}
_NOT_PLACE = {"i", "the", "a", "an", "my", "your", "our", "this", "that", "it", "we", "you", "hr", "ceo", "cto",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "zoom", "teams",
              "slack", "q1", "q2", "q3", "q4", "january", "february", "march", "april", "may", "june", "july",
              "august", "september", "october", "november", "december", "person", "office", "home", "thanks",
              "dear", "hi", "hello", "please", "sorry", "ok", "okay", "yes", "no", "regards", "best"}

_NOT_A_TERM = re.compile(r"\bnotice(?: period)?\b|\bexperience\b|\bworked\b|\bbeen (?:here|with)\b|\bfor the (?:last|past)\b")
_CLAUSE = re.compile(r"[.;!?\n]|,\s(?:and|but|plus|also)\b|\band(?=\s(?:a|an|the|also)\b)|\bplus\b|\bor\b")
_NEAR = 48  # characters either side of a value in which its keyword may stand


# A figure said the way salaries are spoken on a call (voice-to-text): "one
# oh eight" (108), "one twelve" (112), "one twenty five" (125), "a hundred and
# six" (106), "ninety six" (96). In a salary context these are thousands, the
# way "108k" is; elsewhere they are left alone (a time, a count).
_SPOKEN = re.compile(
    rf"\b(?:(?P<a>one|two|three|four|five|six|seven|eight|nine) (?:oh (?P<b>one|two|three|four|five|six|seven|eight|nine)"
    rf"|(?P<c>ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(?P<d>{_TENS_W})(?:[ -](?P<e>one|two|three|four|five|six|seven|eight|nine))?)"
    rf"|(?P<h>(?:a|one) hundred(?:(?: and)? (?:{_TENS_W}(?:[ -]{_UNIT_W})?|{_UNIT_W}))?)"
    rf"|(?P<f>{_TENS_W})[ -](?P<g>one|two|three|four|five|six|seven|eight|nine))\b"
    rf"(?! ?(?:%|percent|per cent|am\b|pm\b|a\.m|p\.m|o'clock|hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|yrs?|times|people|other|more|of\b|thousand|grand|k\b|million|lakh|hundred|dollars?|bucks|euros?|pounds?|quid))",
    re.IGNORECASE)
# A salary context: a base-salary word in the clause, or a word that puts a
# figure on the table just before it.
_SALARY_CUE = re.compile(r"\b(?:base|salary|pay|paying|pays|paid|offer\w*|number|comp|package|raise|bump\w*|ctc|match|counter\w*)\b")
_FIGURE_BEFORE = re.compile(r"\b(?:to|at|for|of|is|was|be|like|around|about|roughly|above|below|under|over|than|between|from|need|want|take|do|did|does|doing|say|said|and|get|hit|make it|goes to|go to|hoping for|asking for|looking for|holding at|still)\s+(?:(?:um|uh|like|maybe|just|well|only|really|about)\s+)?$")
_FIGURE_AFTER = re.compile(r"\s+(?:is|isn't|was|would be|works|sounds|feels|seems)\b")
_TIME_BEFORE = re.compile(r"\b(?:at|by|until|till|til|before|after|around|from|since|call|meeting|tomorrow|today|tonight)\s+$")


def _spoken_figures(low: str, free) -> list["_Value"]:
    out = []
    for m in _SPOKEN.finditer(low):
        if not free(*m.span()):
            continue
        g = m.groupdict()
        if g["a"]:
            lead = _UNITS[g["a"]] * 100
            rest = _UNITS[g["b"]] if g["b"] else _UNITS[g["c"]] if g["c"] else _TENS[g["d"]] + (_UNITS[g["e"]] if g["e"] else 0)
            x = lead + rest
        elif g["h"]:
            x = _words_value(g["h"]) or 0
        else:
            x = _TENS[g["f"]] + _UNITS[g["g"]]
        if not 50 <= x <= 999:
            continue
        a, b = m.span()
        before = low[max(0, a - 24):a]
        ca = max(0, a - 48)
        cue = _SALARY_CUE.search(low, ca, min(len(low), b + 40))
        # "at nine thirty", "call at two fifteen": a time, not a figure.
        if _TIME_BEFORE.search(before) and not (cue and g["a"] in ("one", "two", None)):
            continue
        if not (cue or _FIGURE_BEFORE.search(before) or _FIGURE_AFTER.match(low, b) or a == 0):
            continue
        out.append(_Value("money", a, b, int(x * 1000), None))
    return out


def _words_value(t: str) -> float | None:
    """ "one hundred and twenty" -> 120, "twenty five hundred" -> 2500."""
    total, seen = 0, False
    for w in re.split(r"[ -]+", t):
        if w in ("and", ""):
            continue
        if w in ("a", "an"):
            total, seen = total or 1, True
        elif w in _UNITS:
            total, seen = total + _UNITS[w], True
        elif w in _TENS:
            total, seen = total + _TENS[w], True
        elif w == "hundred":
            total, seen = (total or 1) * 100, True
        else:
            return None
    return float(total) if seen else None


# No term of an offer runs to a quadrillion: a longer digit run is not an
# amount (and past ~309 digits a float is inf, which no int can hold).
MAX_NUMBER = 1e15


def _num(text: str) -> float | None:
    try:
        x = _parse_num(text)
    except OverflowError:  # number words multiplied past a float
        return None
    return x if x is not None and abs(x) < MAX_NUMBER else None


def _parse_num(text: str) -> float | None:
    t = text.strip().lower()
    if t in _SMALL:
        return float(_SMALL[t])
    if t and t[0].isalpha():
        return _words_value(t)
    t = t.replace(" ", "").replace("'", "")
    if not t:
        return None
    # "1,20,000" (Indian grouping) and "128,000" / "128.000" (a thousands
    # separator) versus "128.5" / "1,5" (a decimal mark).
    groups = re.split(r"[,.]", t)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        return float("".join(groups))
    if len(groups) > 2 and all(len(g) in (2, 3) for g in groups[1:]) and len(groups[-1]) == 3:
        return float("".join(groups))
    if len(groups) == 2:
        return float(groups[0] + "." + groups[1])
    try:
        return float(t)
    except ValueError:
        return None


def _whole(x: float) -> int | float:
    return int(round(x)) if abs(x - round(x)) < 1e-9 else round(x, 2)


@dataclass
class _Value:
    kind: str  # money | percent | duration | date | place | title
    start: int
    end: int
    value: int | float | str | None
    unit: str | None = None
    per: str | None = None  # for money: "day", "hour", "year" ...


def _money(m: re.Match[str], text: str) -> _Value | None:
    g = m.groupdict()
    n = g["n1"] or g["n2"] or g["w3"] or g["w4"]
    x = _num(n) if n else None
    if x is None:
        return None
    mult = (g["m1"] or g["m2"] or g["m3"] or "").lower()
    cur = None
    if g["sym"]:
        sym = g["sym"].lower()
        cur = _CUR_SYMBOL.get(sym.rstrip("."), _CUR_SYMBOL.get(sym)) or _CUR_WORD.get(sym)
    elif g["sym2"]:
        cur = _CUR_SYMBOL.get(g["sym2"])
    cw = g["cw1"] or g["cw2"] or g["cw3"] or g["cw4"]
    if cw:
        cur = _CUR_WORD.get(cw.lower(), cur)
    if mult in ("lakh", "lakhs", "lac", "lacs", "crore", "crores", "cr", "lpa") and not cur:
        cur = "INR"
    # A bare number is money only with a multiplier or a currency; "3" or
    # "2027" alone is not an amount.
    per_follows = _PER.match(text, m.end()) is not None
    if not cur and not mult and not per_follows:
        if not (1000 <= x < 100_000_000) or re.fullmatch(r"20\d\d", n.strip()):
            return None
    if mult == "m" and not cur and not g["sym"]:
        # "3 m" is as likely metres or months: only with a currency.
        return None
    if mult == "g" and not cur:
        return None
    value = x * _MULT.get(mult, 1)
    end = m.end()
    while end > m.start() and text[end - 1] == " ":
        end -= 1
    per = None
    pm = _PER.match(text, end)
    if pm:
        p = (pm.group("per") or pm.group("per3") or pm.group("per2") or "").lower()
        per = {"d": "day", "daily": "day", "hr": "hour", "h": "hour", "hourly": "hour", "mo": "month",
               "monthly": "month", "yr": "year", "annum": "year", "annually": "year", "wk": "week"}.get(p, p)
        end = pm.end()
    return _Value("money", m.start(), end, _whole(value), cur, per)


def _duration_unit(u: str) -> str:
    u = u.lower()
    if u.startswith("d"):
        return "days"
    if u.startswith("w"):
        return "weeks"
    if u.startswith("y"):
        return "years"
    return "months"


def _values(text: str, low: str) -> list[_Value]:
    out: list[_Value] = []
    # Which characters a value already covers: a check per span, not per
    # pair of spans, so a message made of 600 amounts stays linear.
    used = bytearray(len(text) + 1)

    def mark(a: int, b: int) -> None:
        used[a:b] = b"\x01" * (b - a)

    def free(a: int, b: int) -> bool:
        return not any(used[a:b])

    for m in _DATE.finditer(low):
        g = m.groupdict()
        mon = g["mon"] or g["mon2"]
        if g["y3"]:
            y, mo, d = int(g["y3"]), int(g["m3"]), int(g["d3"])
        else:
            key = mon.rstrip(".").lower()
            mo = _MONTHS.get(key) or _MON_ABBR.get(key[:4] if key.startswith("sept") else key[:3])
            d = int(g["d1"] or g["d2"])
            y = int(g["y1"] or g["y2"]) if (g["y1"] or g["y2"]) else None
            # "may 5" is a date; "may" as a verb is not matched without a day.
        if not mo or not 1 <= d <= 31:
            continue
        iso = f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"
        out.append(_Value("date", m.start(), m.end(), iso))
        mark(*m.span())
    for m in _PERCENT.finditer(low):
        if not free(*m.span()):
            continue
        x = _num(m.group("n"))
        if x is None:
            continue
        out.append(_Value("percent", m.start(), m.end(), _whole(x), "percent"))
        mark(*m.span())
    for m in _MONEY.finditer(text):
        if not free(*m.span()) or m.end() == m.start():
            continue
        v = _money(m, text)
        if v is None:
            continue
        out.append(v)
        mark(v.start, v.end)
    for v in _spoken_figures(low, free):
        out.append(v)
        mark(v.start, v.end)
    for m in _DURATION.finditer(low):
        if not free(*m.span()):
            continue
        x = _num(m.group("n"))
        if x is None:
            continue
        unit = _duration_unit(m.group("u"))
        if unit == "years":
            # the contract's units stop at months: "half a year" is 6 months
            x, unit = x * 12, "months"
        # A notice period or experience is not a term of the offer.
        if _NOT_A_TERM.search(low, max(0, m.start() - 28), m.start()):
            mark(*m.span())
            continue
        out.append(_Value("duration", m.start(), m.end(), _whole(x), unit))
        mark(*m.span())
    for m in _TITLE.finditer(text):
        t = (m.group("t") or m.group("t2") or "").strip()
        if not t or not free(m.start("t") if m.group("t") else m.start("t2"), m.end()):
            continue
        a = m.start("t") if m.group("t") else m.start("t2")
        out.append(_Value("title", a, a + len(t), t))
        mark(a, a + len(t))
    for m in _TITLE_CASED.finditer(text):
        t = m.group("t").strip()
        a = m.start("t")
        words = t.split()
        if not free(a, a + len(t)) or len(words) > 5 or words[0].lower() in _NOT_PLACE:
            continue
        if len(words) == 1 and words[0].lower() not in _ROLE_WORDS:
            continue
        out.append(_Value("title", a, a + len(t), t))
        mark(a, a + len(t))
    for m in _PLACE.finditer(text):
        name = m.group("p") or m.group("q")
        a = m.start("p") if m.group("p") else m.start("q")
        first = name.split()[0].lower().strip(".")
        if first in _NOT_PLACE or not free(a, a + len(name)):
            continue
        out.append(_Value("place", a, a + len(name), name.strip(".")))
        mark(a, a + len(name))
    out.sort(key=lambda v: v.start)
    # A negotiation move names a handful of terms; past this many values the
    # text is not one (a pasted table, a wall of "$1,$1,..."), and reading
    # the rest would only cost time.
    return out[:MAX_VALUES]


MAX_VALUES = 40


def _clause(low: str, pos: int) -> tuple[int, int]:
    a = 0
    for m in _CLAUSE.finditer(low, max(0, pos - 160), pos):
        a = m.end()
    m = _CLAUSE.search(low, pos, min(len(low), pos + 160))
    b = m.start() if m else len(low)
    return a, b


def _keywords(low: str) -> list[tuple[str, int, int]]:
    found = []
    for issue, p in _KEYWORDS:
        for m in p.finditer(low):
            if m.end() > m.start():
                found.append((issue, m.start(), m.end()))
    return found


# Which issues a kind of value can fill.
_FITS = {
    "money": {"base_salary", "signing_bonus", "bonus", "equity", "relocation", "rate"},
    "percent": {"base_salary", "bonus", "equity", "rate", "signing_bonus"},
    "duration": {"office_days", "start_date", "pto", "salary_review", "onboarding"},
    "date": {"start_date", "salary_review", "onboarding"},
    "place": {"location"},
    "title": {"title"},
}


def _issue_for(v: _Value, kws: list[tuple[str, int, int]], low: str) -> tuple[str, int, int] | None:
    ca, cb = _clause(low, v.start)
    best = None
    for kw in kws:
        issue, a, b = kw
        if issue not in _FITS[v.kind]:
            continue
        if v.kind == "money" and issue == "rate" and v.per in ("year",):
            continue
        if b <= v.start:
            dist = v.start - b
        elif a >= v.end:
            dist = a - v.end + 0.5  # on a tie, the keyword before the value
        else:
            dist = 0
        inside = ca <= a and b <= cb
        if not inside and dist > 12:
            continue
        if dist > _NEAR:
            continue
        # "package", "offer" or "number" name the salary only when no more
        # specific issue stands nearby ("a relocation package of £5k").
        generic = low[a:b].strip() in _GENERIC
        key = (0 if inside else 1, generic, dist, _KEYWORD_ORDER[issue])
        if best is None or key < best[0]:
            best = (key, kw)
    return best[1] if best else None


def _default_issue(v: _Value) -> str | None:
    if v.kind == "money":
        if v.per in ("day", "hour", "week"):
            return "rate"
        if isinstance(v.value, (int, float)) and v.value >= 10_000:
            return "base_salary"
        return None
    if v.kind == "date":
        return "start_date"
    if v.kind == "place":
        return "location"
    if v.kind == "title":
        return "title"
    return None


def _office_days(v: _Value, kw: tuple[str, int, int], low: str) -> int | float | None:
    """Office days from "2 days in office" (2) or "3 days remote" (5 - 3)."""
    if v.unit != "days":
        return None
    after = low[v.start:min(len(low), v.end + 14)]
    if re.search(r"\b(?:remote|wfh|from home|at home)\b", after) or (
            any(w in low[kw[1]:kw[2]] for w in ("remote", "wfh", "home")) and "office" not in after):
        return _whole(5 - float(v.value)) if float(v.value) <= 5 else None
    return v.value


def terms(text: str) -> list[Term]:
    """The negotiation terms ``text`` names, in text order."""
    if not isinstance(text, str) or not text.strip():
        return []
    text = clip(text)
    low = text.lower()
    values = _values(text, low)
    kws = _keywords(low)
    out: list[Term] = []
    used_kw: set[tuple[int, int]] = set()
    for v in values:
        kw = _issue_for(v, kws, low)
        issue = kw[0] if kw else _default_issue(v)
        if issue is None:
            continue
        value, unit = v.value, v.unit
        if v.kind == "money" and issue in ("base_salary",) and v.per in ("day", "hour"):
            issue = "rate"
        if issue == "office_days":
            value = _office_days(v, kw, low) if kw else v.value
            unit = "days"
            if value is None:
                continue
        if issue == "start_date" and v.kind == "duration" and not re.search(r"\b(?:later|back|push|delay|defer|after|more|extra|postpone)", low[max(0, v.start - 40):v.end + 25]):
            # "start in two weeks" names a date relative to now; keep the count.
            pass
        a, b = v.start, v.end
        if kw:
            used_kw.add((kw[1], kw[2]))
            a, b = min(a, kw[1]), max(b, kw[2])
        out.append(Term(issue, value, unit, a, b, text[a:b]))
    # Issues named with no value: "any room on the sign-on?", "remote?".
    named: set[str] = {t.issue for t in out}
    for issue, a, b in sorted(kws, key=lambda k: k[1]):
        if issue in named or (a, b) in used_kw or issue in ("base_salary", "location", "rate", "start_date", "title"):
            continue
        if issue == "office_days" and not re.search(r"remote|hybrid|wfh|home|days?", low[a:b]):
            continue
        if any(t.start <= a < t.end for t in out):
            continue
        if issue == "bonus" and re.search(r"sign", low[max(0, a - 12):a]):
            continue
        named.add(issue)
        full = _FULL_REMOTE.search(low, max(0, a - 14), min(len(low), b + 14)) if issue == "office_days" else None
        if full:
            out.append(Term(issue, 0, "days", full.start(), full.end(), text[full.start():full.end()]))
        else:
            out.append(Term(issue, None, None, a, b, text[a:b]))
    # Salary, title and start named with a clear cue but no value.
    for issue, rx in _NAMED_ONLY:
        if issue in named:
            continue
        m = rx.search(low)
        if m and not any(t.start < m.end() and m.start() < t.end for t in out):
            named.add(issue)
            out.append(Term(issue, None, None, m.start(), m.end(), text[m.start():m.end()]))
    out.sort(key=lambda t: t.start)
    return _dedupe(out)


_FULL_REMOTE = re.compile(r"\b(?:fully|full[- ]time|100 ?%|completely|entirely|full) remote\b|\bremote (?:full[- ]time|100 ?%|only)\b|\bno office days\b")

_NAMED_ONLY = [(issue, re.compile(p)) for issue, p in (
    ("base_salary", r"\b(?:the |my )?(?:base salary|base pay|base|salary)\b(?! review)"),
    ("start_date", r"\bstart(?:ing)? date\b|\bdate of joining\b|\bjoining date\b|\bfirst day\b"),
    ("title", r"\b(?:job )?title\b|\bdesignation\b"),
    ("rate", r"\b(?:day|daily|hourly) rate\b|\bmy rate\b|\bthe rate\b"),
)]


def _dedupe(items: list[Term]) -> list[Term]:
    seen: set[tuple] = set()
    out = []
    for t in items:
        key = (t.issue, t.value, t.unit)
        if key in seen:
            continue
        seen.add(key)
        out.append(t)
    return out


__all__ = ["ISSUES", "Term", "terms"]
