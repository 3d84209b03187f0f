"""What the candidate asks for: ``requests_meeting``, ``asks_extension``,
``proposes_option``, ``asks_interests``, ``specific_ask``."""

from __future__ import annotations

import re

from ..lexicon import ASK_FRAME, OFFICE_LIKE, PLACE_WORDS, TERM, alt, rx
from ..message import Message, Span
from .common import ASK_FRAME_RX, FACT_QUESTION, FIRST_PERSON, NOT_A_PLACE, STATUS_QUO, WH_QUESTION

# ---------------------------------------------------------------------------
# requests_meeting
# ---------------------------------------------------------------------------

_MEETING = [rx(p) for p in (
    r"\b(?:can|could|shall|should|may) (?:we|i) (?:please |quickly |maybe |possibly )?(?:talk|speak|chat|meet|hop on|jump on|get on|set up|schedule|book|arrange|find (?:a |some )?(?:time|minutes|\d+)|grab|call|ring|discuss \w+ (?:by|over|on) (?:phone|call|zoom|video))\b(?! (?:about it )?(?:by|over|via) e-?mail)",
    r"\b(?:would|will|do|are) you (?:have|be|got) (?:\w+ ){0,3}(?:time|free|available|a moment|a few minutes|(?:\d+|five|ten|fifteen|twenty|thirty|forty|forty-five|sixty) (?:minutes|mins)|a slot)\b(?! to (?:send|email|write|reply|respond))",
    r"\b(?:find|set up|schedule|book|arrange|grab|put) (?:a |some |\d+ |twenty |fifteen |ten |thirty )?(?:time|minutes|slot|call|meeting|chat|zoom|video)",
    r"\b(?:a|some|the|quick|short|brief) (?:quick |short |brief )?(?:(?:\d+|five|ten|fifteen|twenty|thirty|half-hour)[- ]min(?:ute)? )?(?:phone|video|zoom|teams|follow-up|follow up|\d+[- ]minute)? ?(?:call|chat|meeting)\b(?! (?:yesterday|last|earlier))|\b(?:phone|video|zoom|teams|live) conversation\b",
    r"\b(?:over|by|on|via) (?:the )?(?:phone|telephone|zoom|teams|video|a call|facetime|skype)\b",
    r"\b(?:have|got) you (?:got )?(?:\w+ ){0,2}(?:minutes|mins|a minute|a moment|a sec|time|a slot)\b(?! to (?:send|email|write|reply|respond))(?=[^.!]*\?)",
    r"\bwhat time (?:\w+ )?(?:suits|works|is good|is best) (?:for )?you\b|\b(?:a|quick|short|brief) (?:quick )?(?:catch-?up|sync|video chat|conversation)\b",
    r"\bphone call\b|\bgoogle meet\b|\bmeet (?:up|in person)\b|\bsit down (?:together|with (?:you|u)|in person)\b",
    r"\b(?:pop|drop|stop|swing|come|call) (?:in|into|by|round|over) (?:to )?(?:the|your) (?:office|building|hq)\b|\b(?:visit|see) you (?:in person|at the office)\b",
    r"\b(?:ring|call|phone) me\b|\bgive (?:me|you) a (?:call|ring|buzz|bell)\b|\b(?:send|sending|set up|setting up|put|putting|pop|drop|fire|shoot) (?:me |you |over )?(?:a |an )?(?:calendar|meeting|zoom|teams) invite\b",
    r"\b(?:a|quick|short|brief) (?:quick |short |brief )?(?:zoom|teams|facetime|hangout|google meet|video chat|phone chat)\b",
    r"\bwe (?:could|can|should|might) (?:\w+ )?(?:meet|talk|chat|speak|hop on|jump on|catch up|grab)\b(?! (?:about it )?(?:by|over|via) e-?mail)",
    r"\b(?:meet|catch up|talk) (?:up )?(?:for|over) (?:a )?(?:coffee|lunch|a drink|tea|breakfast)\b",
    r"\b(?:see|speak to|talk to) you (?:then|on (?:monday|tuesday|wednesday|thursday|friday)|at \d|tomorrow)\b",
    r"\bin person\b|\bface[- ]to[- ]face\b",
    r"\blet's (?:\w+ ){0,3}over (?:a )?(?:lunch|coffee|dinner|breakfast|drinks?)\b",
    # "Could we do this live?", "any chance of grabbing a coffee?"
    r"\b(?:do|take|have|continue|finish|discuss|sort|settle|hash) (?:this|it|that|the rest|things) (?:out )?(?:live|in person|face to face|by phone|on the phone|over the phone|on a call)\b",
    r"\b(?:grab|grabbing|get|getting|meet for|meeting for|chance of|time for|fancy) (?:a )?(?:quick )?(?:coffee|lunch|a drink|drinks|tea|breakfast)\b(?=[^.!]*\?)",
    r"\b(?:talk|speak|chat|discuss|go) (?:\w+ ){0,4}(?:live|in person|by phone|on the phone|over the phone|on a call|over coffee)\b",
    r"\b(?:hop|jump|get) on (?:a |the )?(?:call|phone|zoom|teams|video)",
    r"\b(?:stop|come|swing|drop) by (?:the|your) office\b",
    r"\b(?:happy to|i can|i could|i'm free to|i'm available to|glad to|love to|like to|rather) (?:\w+ )?(?:talk|speak|chat|meet|hop on|jump on|call)\b(?! (?:about it )?(?:by|over|via) e-?mail)(?! (?:it )?(?:over|through) with (?:my|the) (?:family|partner|wife|husband))",
    r"\blet's (?:\w+ )?(?:talk|speak|chat|meet)(?: about (?:it|this))? (?:live|in person|by phone|on the phone|tomorrow|today|later|this|next|on (?:monday|tuesday|wednesday|thursday|friday))\b",
    r"\b(?:talk|speak|chat) (?:to you )?(?:then|tomorrow|today|at|in \w+ minutes)\b",
    r"\b(?:call|ring|phone) (?:you|u) (?:back|tomorrow|later|today|at|this|in|on)\b",
    r"\b(?:\d{1,2}(?::\d\d)? ?(?:am|pm)|\d{1,2}:\d\d|noon|(?:monday|tuesday|wednesday|thursday|friday)(?: morning| afternoon| evening)?|tomorrow(?: morning| afternoon)?|this afternoon|that time|then) (?:\w+ ){0,3}(?:works|work|suits|is (?:perfect|great|fine|good)|it is)\b",
    r"\b(?:works|perfect|great|fine) for (?:a|the) (?:call|chat|meeting)\b",
    r"\b(?:i'm|i am) (?:free|available) (?:to talk|for a call|for a chat|to chat|on|at|after|in the|this|tomorrow|any)",
    r"\bavailable (?:in the )?(?:evenings?|mornings?|afternoons?|after|before|on|at)\b",
    # Moving a call time: "I can't make the 2pm, can we do 3 instead?"
    r"\b(?:(?:can't|cannot|couldn't|won't be able to|unable to|not able to) )?(?:make|miss|move|push|shift|reschedule|rearrange|do) (?:the |our |my )?\d{1,2}(?::\d\d)? ?(?:am|pm|o'clock)\b|\breschedul\w* (?:the |our )?(?:call|chat|meeting)\b",
)]
# Meetings that already happened or that are other people's ("returning
# your call", "following up on our call", "my call with the partners").
_PAST_CALL = rx(r"\b(?:returning|following up on|after|since|during|on|from|in|missed|our last|my last|the last) (?:your|our|the|my|that|yesterday's) (?:\w+ )?(?:call|meeting|chat)\b")


# "who makes the call", "your call", "a tough call": a decision, not a call.
_DECISION_CALL = rx(r"\b(?:make|makes|making|made|final|tough|judge?ment|right|wrong|close|your|my|their|whose) (?:the |a |that |this )?(?:\w+ )?call\b")
_NOT_A_MEETING = rx(r"\b(?:in|at|from|out of|during|between|rather than|instead of|than|late to|late for|early to|early for|dial into|dialling into|dialing into) (?:a|the|my|another|an|over|by|on|via) (?:\w+ )?(?:meeting|call|video|phone|zoom|teams)\b")
_MODE_ONLY = rx(r"(?:(?:over|by|on|via) (?:the )?(?:phone|telephone|zoom|teams|video|a call|facetime|skype)|in person|face[- ]to[- ]face)")
_TALK = rx(r"\b(?:talk|discuss|meet|chat|speak|call|go through|go over|catch up|conversation|sit down|pick (?:this|it|things) up|continue|grab|hop|jump|iron|work through|free|available|mins|minutes)\b|\?")


def requests_meeting(m: Message) -> Span | None:
    for span in m.iter_matches(_MEETING, negatable=True, window=3):
        sa, sb = m.sentence_at(span[0])
        local = m.norm[max(sa, span[0] - 30):min(sb, span[1] + 10)]
        if _PAST_CALL.search(local) and not re.search(r"\b(?:could|can|would|let's|shall)\b", local):
            continue
        # Somebody else's meeting, or a mode mentioned in passing ("lead the
        # workshops in person rather than over video").
        if _NOT_A_MEETING.search(m.norm[max(sa, span[0] - 15):span[1]]):
            continue
        if _DECISION_CALL.search(m.norm[max(sa, span[0] - 15):span[1]]) and m.norm[span[1] - 4:span[1]] == "call":
            continue
        if _MODE_ONLY.fullmatch(m.norm[span[0]:span[1]]) and not _TALK.search(m.norm[sa:sb]):
            continue
        if re.search(r"\b(?:email|e-mail|in writing|by mail)\b", m.norm[span[0]:sb]) and not re.search(
                r"\b(?:call|phone|zoom|teams|video|live|in person|face|talk|chat|meet)\b", m.norm[span[0]:span[1]]):
            continue
        return span
    return None


# ---------------------------------------------------------------------------
# asks_extension
# ---------------------------------------------------------------------------

_LATER_START = [rx(p) for p in (
    r"\b(?:push|pushing|move|moving|bump|bumping|shift|shifting|slide|sliding|delay|delaying|defer|deferring|postpone|postponing|hold off on|put off|extend|extending) (?:back )?(?:my |the |our )?(?:start|first day|onboarding|joining|arrival|day one|orientation)\w*",
    # "my start (could) be pushed back", but not across a new clause ("onboarding in A and moved to B").
    r"\b(?:start|first day|onboarding|joining) (?:(?!and\b|then\b)\w+ ){0,3}(?:be )?(?:pushed|moved|delayed|deferred|postponed|slide|slid|shifted|bumped) (?:back|later|out|to)?",
    r"\b(?:start|first day|onboarding|joining date|start date)\b(?:(?! earlier)[^.?!]){0,40}\b(?:slide|slip|shift|move) (?:later|back)\b",
    r"\b(?:later|delayed|deferred|pushed-back|pushed back) (?:start|starting|first day|onboarding|joining)\b",
    r"\b(?:start|start date|first day|onboarding|joining date) (?:\w+ ){0,2}(?:move|shift|slide|slip|be moved|be pushed|be delayed|be deferred|be postponed|change) (?:back |later )?(?:to|by|until|till|back|later)\b",
    r"\b(?:start|join|begin)(?:ing)? (?:date )?(?:\w+ ){0,3}(?:later|a (?:bit|little|few \w+|week|month|couple of \w+) later)\b",
    r"\b(?:start|join|begin|starting|joining|started|joined|began)\b[^.?!]{0,70}?\b(?:instead of|rather than) (?:the|on|in)? ?(?:\w+ )?(?:\d|january|february|march|april|may|june|july|august|september|october|november|december|next|this|mid|early|end)",
    r"\b(?:one|a|two|a couple of|few) (?:\w+ )?(?:weeks?|months?|cycles?) later\b",
    r"\b(?:delay|deferral|postponement|extension|push) (?:on|of|to) (?:my |the )?(?:start|start date|first day|joining)\b|\b(?:more|extra|additional|a few|a couple of) (?:\w+ )?(?:days|weeks) (?:off )?before (?:i|my) (?:start|join|begin)\b",
    r"\bjoining date is (?:\w+ ){0,3}later\b|\bdefer\w*\b",
    r"\bjoin the (?:\w+ )?(?:class|cohort|intake) (?:instead|rather)",
    r"\b(?:push|pushing|moving|move) my first day\b",
    r"\b(?:first day|day one|joining date|start date)\b[^.?!]{0,40}?\b(?:instead of|rather than) (?:the )?\d",
    r"\b(?:a|an) (?:(?:mid|late|early)[- ])?(?:january|february|march|april|june|july|august|september|october|november|december|autumn|fall|spring|summer|winter)(?: \d{1,2}(?:st|nd|rd|th)?)? (?:start|start date|joining date|first day)\b(?=[^.?!]*(?:\?|instead|rather|possible|doable|prefer|ideal|would (?:\w+ ){0,2}(?:help|be (?:a |an )?(?:\w+ )?(?:help|easier|ideal|great|better))))",
)]
_MORE_TIME = [rx(p) for p in (
    r"\b(?:more|extra|additional|some|a bit of|a little|a little more|a bit more|a few more|a couple more) (?!(?:remote|office|home|wfh|vacation|holiday|pto|leave|annual|paid|sick|hybrid|in-office|onsite|on-site) )(?:\w+ )?(?:time|days|weeks?|hours)\b(?! (?:in|at|with|of|off|from) )(?! (?:remote|pto|vacation|leave|holiday))",
    r"\b(?:sleep on it|sit with (?:it|this|the offer)|think (?:it|this|things) over|mull (?:it|this) over|think about it|think it through|think this through|consider it|talk it over|discuss it with)\b(?! (?:by|on|over|via) (?:the |a )?(?:phone|call|zoom|video|teams))(?! with you)",
    r"\b(?:i|i'll|i'd|i will|i can|i could|let me|me|to) (?:\w+ ){0,2}(?:get|gets|getting|got|come|came|coming) back to (?:you|u)\b|\bcircle back\b|\bback in touch\b|\b(?:get|have|take|took|had|got|give me|gimme) (?:\w+ )?(?:till|until|til|through|over) (?:the weekend|monday|tuesday|wednesday|thursday|friday|next|the weekend|end of)",
    r"\b(?:give you|send you|have) (?:an|my) (?:final )?answer (?:by|next|after|on|early|later|in)\b",
    r"\bbefore (?:i|we) (?:give you (?:a|my) (?:final )?answer|decide|commit|lock in)\b",
    r"\b(?:hold|holding) off\b|\bpause (?:the|on)\b|\bput (?:the|it|this) on hold\b",
    r"\b(?:rather not|don't want to|didn't want to|prefer not to) rush\b|\bwithout rushing\b|\bno rush on my end\b",
    r"\b(?:extend|extension|extending|push back|push) (?:\w+ ){0,2}(?:the )?(?:deadline|decision date|response date|offer expiry|answer)\b|\bextension\b",
    r"\b(?:hard|firm|fixed|strict) (?:deadline|date)\b|\b(?:is|are) (?:the )?(?:\w+ )?(?:date|deadline) (?:firm|fixed|flexible)\b|\bflexibility (?:there|on the deadline|on timing|on the date)",
    r"\b(?:time|weekend|week|night|days?|while) to (?:think|decide|consider|mull|reflect|sleep|talk it over|weigh)\b|\b(?:the |a |this )?weekend to (?:go over|look over|go through|digest)\b",
    r"\b(?:offer|deadline) (?:\w+ ){0,2}(?:stay|remain|be kept|be held) (?:open|valid|live|on the table)\b|\bkeep the offer open\b|\bhold the offer\b|\bextend the offer\b",
    r"\bhold (?:my |the )?(?:start date|offer|position|role|place|spot|seat) open\b",
    r"\blonger to (?:decide|think|consider|respond|answer|confirm|reply)\b|\b(?:a little|a bit|slightly|a few days) longer\b",
    r"\brun (?:it|this|things|the offer) (?:past|by) (?:my|the)\b|\bcheck with my (?:partner|wife|husband|family|spouse)\b",
    r"\bbreathing (?:room|space)\b|\bbefore i (?:make|give|reach) (?:a |my |the )?(?:final )?(?:decision|answer|call)\b",
    r"\bwith a clear head\b|\bafter the holidays\b|\b(?:need|want|like) (?:some )?time\b",
    r"\b(?:later|next) (?:this|next)? ?week (?:to (?:decide|confirm|respond|answer))",
    r"\b(?:have|get|take|need|give me) (?:until|till|til|'til) (?:the )?(?:end of|weekend|\d)|\bto make (?:up )?my (?:mind|decision)(?: up)?\b",
    r"\b(?:can|could|may) i (?:let you know|get back to you|confirm|revert|come back to you|give you (?:my|an) answer) (?:on |by |next |early |later )?(?:monday|tuesday|wednesday|thursday|friday|tomorrow|next week|the weekend|the \d+\w*)\b",
    r"\b(?:need|needs|like|want|take|have|get|give me) (?:a (?:few|couple(?: of)?)|two|three|several|some) (?:more )?(?:days?|weeks?|nights?) (?:to|before|so)\b",
    r"\b(?:could|can|may|might) i (?:\w+ )?(?:respond|reply|answer|decide|confirm|revert|give you (?:my|an) answer)\b[^.?!]{0,20}\b(?:by|on|after|before|until|till|next|early next|end of)\b|\bif i (?:respond|reply|answer|decide|confirm|revert) (?:\w+ )?(?:by|on|after|next|until|till)\b",
    r"\b(?:any|some|is there|have|much) (?:\w+ )?(?:flexib\w*|give|wiggle room|leeway|room|movement) (?:\w+ ){0,2}(?:on|around|with|about) (?:the |my |your )?(?:\w+ )?(?:deadline|timing|timeline|decision date|response date|date to (?:decide|respond))\b|\b(?:a|one|two|a few|a couple of) (?:more )?(?:days?|weeks?) more\b",
)]


def asks_extension(m: Message) -> Span | None:
    return later_start(m) or m.find(_MORE_TIME, negatable=True, window=3)


def later_start(m: Message) -> Span | None:
    """A later start / onboarding date: both asks_extension and specific_ask."""
    return m.find(_LATER_START, negatable=True, window=3)


# ---------------------------------------------------------------------------
# proposes_option
# ---------------------------------------------------------------------------

_COMP = alt(r"base(?: salary| pay)?", r"salary", r"pay", r"bonus(?:es)?", r"equity", r"stock", r"rsus?",
            r"pto", r"vacation", r"(?:a |an )?extra (?:week|days?)", r"days off", r"stipend", r"allowance",
            r"budget", r"tuition", r"title", r"raise", r"increase", r"bump", r"review", r"relocation")
_OPTION = [rx(p) for p in (
    r"\bwhat if (?:i|we|you|the|my|part)\b",
    # a substitute term: "would a signing bonus be possible instead?"
    # (not a date: "would a January start be doable instead?" is a later start)
    r"\b(?:would|could|can|might) (?:a |an |the |some )?(?:(?!start\b|date\b|deadline\b)[\w-]+ ){0,3}(?:be possible|work|be an option|be on the table|be doable) instead\b",
    r"\b(?:how|what) about (?:i|we|if|this|a|an|the|\w+ing)\b",
    r"\bsplit (?:arrangement|week|schedule|role|setup|model)\b|\bhalf (?:the|my) (?:week|time|month) in\b|\b(?:each|both) office",
    r"\bif (?:the |you |we |it |my )[^,.?!]{0,40}\b(?:can|could|would)\b(?! not)[^,.?!]{0,30}, (?:then )?i (?:could|can|would be (?:happy|willing|able)|'d be (?:happy|willing|able)|'m happy|am happy)\b",
    r"\b(?:perhaps|maybe) (?:i|we) (?:could|can) (?:spend|split|do|take|work|start|begin|base|try|come|fly)\b|\b(?:\w+|\d) days? (?:a|per) week in (?:\w+ ){0,2}and (?:\w+|\d|the rest)\b",
    r"\bif i (?:\w+ ){0,4}(?:at my own (?:cost|expense)|pay for|cover (?:the|my)|take a (?:lower|smaller)|accept a (?:lower|smaller)|give up|forgo|waive|skip)\b",
    r"\blet's (?:split|try|say|meet)\b|\bsplit (?:it|the difference|the gap)\b|\b(?:base|salary) of \$?\d+k? (?:plus|and|with) (?:a |an )?(?:\w+ )?(?:bonus|equity|stipend|pto|review)\b",
    r"\b(?:phased|staggered|gradual|part-time) (?:start|return|move|transition|schedule|relocation|first)\b|\bcould we agree\b",
    r"\bwould (?:that|this|it) (?:make (?:it|this|that) )?(?:be )?(?:workable|worth exploring|acceptable|help)\b",
    r"\b(?:one|another|an|a possible|a) (?:option|idea|possibility|alternative|thought|compromise|middle ground)(?: could be| would be| is| might be)?\s*[:,-]|(?:^|[.!?] )(?:option|idea|proposal|suggestion|alternative|compromise|counter-?proposal)\s*[:-]",
    r"\b(?:in exchange|in return)\b|\btrade(?:-off| off)\b|\btrade (?:[\w'$%.,-]+ ){1,6}for\b|\bswap(?:s|ped|ping)?\b|\b(?:exchanged|traded|converted) (?:for|into)\b",
    # Laying out routes: "Two routes I can see: ...", "a few options -".
    r"\b(?:two|three|a few|a couple of|some|my) (?:possible )?(?:options|routes|ways|paths|ideas|possibilities|alternatives|approaches|scenarios)(?: (?:i|we) (?:can|could) see| here| to consider| forward)?\s*[:-]",
    r"\b(?:close|narrow|shrink|cut|get|bring) (?:\w+ ){0,5}and i(?:'ll| will)? (?:sign|accept|say yes|commit|join)\b",
    # Splitting a payment: "half on signing, half at six months".
    r"\bsplit(?:ting)? (?:the|my) (?:\w+ )?(?:bonus|payment|relocation|equity|raise|increase)\b|\bhalf (?:on|at|up ?front|now)\b[^.?!]{0,30}\bhalf (?:on|at|after|later|in)\b",
    r"\b(?:another|one|an alternative|a possible|a different) (?:option|idea|possibility|alternative|approach|compromise) (?:might|could|would) be\b",
    r"\b(?:meet (?:you |me |us )?(?:halfway|in the middle)|split the difference|middle ground)\b",
    r"\bwould it help if i\b|\bwould it make (?:it|things|that) easier if\b|\bif it (?:helps|would help|makes it easier)\b",
    r"\bif it's (?:simpler|easier|cheaper) for you\b",
    r"\b(?:i could|i can|i'd be (?:happy|willing|glad) to|i'm (?:happy|willing|glad) to|i would be (?:happy|willing) to)\b[^.?!]{0,100}?\b(?:if|as long as|provided|so long as) (?:we|you|the|your|i (?:could|can|might)|my \w+ (?:could|can))\b",
    r"\b(?:accept|take|do|sign|agree to) (?:the )?(?:\$?\d+k?|it|that|this|the \w+(?: \w+)?) (?:\w+ )?(?:if|as long as|provided) \b",
    r"\b(?:start|begin|base myself|work|do|spend|complete|finish|stay|onboard|train) (?:\w+ ){0,7}(?:and|then|,) (?:\w+ ){0,3}(?:transfer|move|relocate|shift|switch|fly|come in)\b",
    r"\b(?:with|and|plus|then) (?:a |an )?(?:formal |salary |pay |performance |compensation |guaranteed )?review (?:after|in|at|once|of|by|when)\b|\bwith the (?:\w+ )?(?:base|salary|bonus|equity|title|start date|relocation|package) (?:as (?:offered|is|it is|proposed)|unchanged|where it is)\b",
    r"\b(?:first|for) (?:\w+ ){0,3}(?:year|months?|quarters?|project|weeks?) (?:\w+ ){0,5}(?:then|and then|after which|before) (?:\w+ ){0,2}(?:move|transfer|shift|relocate|switch)",
    r"\b(?:move|transfer|shift|relocate|switch) (?:\w+ ){0,4}(?:once|when|after|as soon as) ",
    r"\b(?:trial|pilot|test run|trial period)\b",
    r"\bsplit (?:my|the) time\b|\bhot-?desk\w*\b",
    r"\b(?:other|different) levers\b|\bwhatever is easiest (?:on|for) your side\b",
    r"\b(?:come in|start|join) at (?:the )?(?:current|same|existing|offered|your) (?:base|salary|number|level)\b",
    r"\b(?:instead of|rather than|in place of|in lieu of) (?:a |an |the |my |any |upfront |more )?(?:higher |bigger |larger |extra |upfront )?" + _COMP,
    _COMP + r" (?:\w+ ){0,4}(?:instead of|rather than|in place of|in lieu of) (?:a |an |the |my |upfront )?(?:higher |bigger |larger )?(?:signing |sign-on |retention |annual )?" + _COMP,
    r"\b(?:could|can) (?:part|some) of (?:the|it|that)\b",
    r"\b(?:agree|put it) in writing\b|\bfirst (?:pick|dibs|refusal)\b|\bguaranteed review\b|\b(?:six|6|12|twelve|three|3)-month (?:salary |pay |comp |compensation |performance )?(?:review|check-in)\b",
    r"\bif the (?:base|salary|number|budget|band|location|office) (?:can't|cannot|is fixed|won't|doesn't)\b",
    r"\bi could (?:base myself|skip|split|pay|fly|commute|relocate|come in)\b",
    r"\b(?:lower|smaller|reduced|less|cheaper) (?:\w+ )?(?:base|salary|relocation|bonus|payment|package|pay|number|stipend|allowance)\b[^.?!]{0,40}\b(?:if|in exchange|in return|so long as|provided)\b",
    r"\b(?:i'd|i would|i could|i can|i'm willing to|i'd be willing to|happy to) (?:\w+ )?(?:take|accept|give up|forgo|skip|waive|drop) (?:a |the )?(?:lower|smaller|reduced|less|the relocation|the bonus|the signing)\b",
    r"\b(?:i'd|i would|i'll|i will|i can|i could|happy to) (?:\w+ ){0,1}(?:accept|sign|say yes|commit|agree)\b[^.?!]{0,30}\b(?:if|as long as|provided|so long as)\b",
    r"\bsomething we could try\b|\bworth a try\b|\bcould we (?:try|trial|pilot)\b|\btry it for\b",
    r"\bpay for my own\b|\bcover (?:my own|the cost myself)\b",
    r"\bmaybe i (?:can|could) (?:begin|start|work|do|take)\b",
    r"\b(?:four|4|three|3|nine|9)-day (?:week|fortnight) at\b|\bat (?:\d+ ?%|\d+ percent) (?:of )?(?:the |my |full )?(?:salary|pay|base)\b",
    r"\b(?:higher|bigger|more|larger|lower|smaller|extra) (?:\w+ ){0,2}" + _COMP + r" (?:with|and|but|plus|on) (?:the )?(?:same|current|existing|original|unchanged) " + _COMP + r"\b",
    r"\b(?:get me to|give me|make it|if you (?:can )?(?:do|get to|go to|match)) [^.?!]{0,30}\band i(?:'ll| will| can) (?:happily |gladly )?(?:drop|forget|forgo|waive|skip|give up|let go of)\b",
    # trade one term for another: "less equity for a higher base"
    r"\b(?:less|lower|smaller|fewer|reduced|no) (?:\w+ )?" + _COMP + r" (?:for|in exchange for|in return for) (?:a |an |more |higher |bigger |larger |extra )?(?:\w+ )?" + _COMP + r"\b",
    r"\b(?:what would you think|how would you feel|what do you think) (?:of|about) (?:me|us|a|an|the idea|if)\b",
    r"\b(?:i'm|i am|i can be|i'd be|i could be) (?:\w+ )?(?:flexible|open|easy|relaxed) (?:on|about|with) (?:the )?(?:\w+ )?" + _COMP + r"\b[^.?!]{0,40}\b(?:if|as long as|provided)\b",
    r"(?:^|[.!?,;-] ?)(?:suppose|supposing|imagine|hypothetically|say),? (?:i|we|you)\b",
    r"\b(?:one|another|a possible|an alternative|a different) (?:route|way|path|solution|workaround|avenue)(?: forward)? (?:might|could|would) be\b",
    r"\bif (?:you|the company|the firm|we) (?:can|could) (?:\w+ ){0,6}(?:,? )?(?:then )?(?:i'll|i will|i'd|i would|i can) (?:\w+ )?(?:sign|accept|say yes|commit|join)\b",
)]


# A fallback offer: "if a higher base isn't doable, maybe a bigger bonus?".
_FALLBACK = rx(r"\bif [^,.?!]{0,40}\b(?:isn't|is not|can't|cannot|won't|not|no|capped|fixed|maxed(?: out)?|locked|frozen|set in stone)\b[^,.?!]{0,25}[,.]? (?:then )?(?:maybe|perhaps|could|would|what about|how about|i'd|i could)\b[^.?!]{0,60}?\b" + _COMP + r"\b")


_PROPOSAL_Q = rx(r"\b(?:what|how) about\b|\bwhat if\b|\b(?:what would you think|how would you feel|what do you think) (?:of|about)\b")


def proposes_option(m: Message) -> Span | None:
    for span in m.iter_matches(_OPTION + [_FALLBACK], negatable=True, window=3):
        sa, sb = m.sentence_at(span[0])
        sent = m.norm[sa:sb]
        # An open question about process is not a proposal.
        if WH_QUESTION.search(sent) and not _PROPOSAL_Q.search(sent):
            continue
        return span
    return None


# ---------------------------------------------------------------------------
# asks_interests
# ---------------------------------------------------------------------------

_INTEREST_PHRASES = [rx(p) for p in (
    r"\bwhat would (?:have to|need to|it take to) (?:be true|happen|change)\b",
    r"\bwhat (?:would|does|do|will|did|are|is|'s) (?:\w+ ){0,4}(?:need|needs|look for|looking for|care about|value|want|hoping|hope|expect|lose|gain|prioriti[sz]e|worried|concerned|matter)",
    r"\bwhat (?:matters|counts|drives)\b|\bwhat's (?:most )?important (?:to you|for)\b",
    r"\bhow (?:do|does|would|did|have|has|is|are) (?:\w+ ){0,4}(?:usually |typically |normally |generally )?(?:decide|decided|handle|handled|approach|approached|evaluate|think about|look at|set|work|determine|approve|weigh|prioriti[sz]e|go about)\b",
    r"\bhow (?:flexible|much room|much flexibility|open|strict|firm)\b",
    # indirect: "how the mobility policy works", "how exceptions get decided"
    # (process words only: "how the bonus works" is a fact of the offer, no tag)
    r"\bhow (?:the |your |a |an |these |those )?(?:[\w-]+ ){0,2}(?:policy|policies|process|procedure|exceptions?|approvals?|transfers?|committee|decisions?|mobility|sponsorship|hiring|promotions?) (?:\w+ ){0,3}?(?:works?|operates?|gets? (?:decided|approved|handled|set)|(?:is|are) (?:decided|approved|handled|set|run))\b",
    r"\b(?:walk me through|tell me (?:more )?about|help me understand|explain) (?:how|what|the|who|your)\b",
    r"\bwho (?:else )?(?:would|will|needs to|has to|gets to|makes|decides|signs|approves|is involved|weighs)\b(?! be my\b)",
    r"\b(?:are there|any|what are the|what's the biggest|what are your) (?:\w+ ){0,2}(?:constraints|concerns|priorities|limits|challenges|risks|worries|considerations)\b",
    r"\bwhat (?:does|would|is|'s) (?:the|a|your) (?:\w+ ){0,3}(?:process|approval|cycle|band|range|norm|plan|criteria|timeline for approval|typical)\b",
    r"\bwhat (?:does|would) (?:\w+ ){0,4}look like\b",
    r"\b(?:is|are) (?:that|this|it|the (?:\w+ )?\w+|\w+) something (?:that )?(?:usually|typically|normally|you|people|the|we|candidates|new hires|folks)\b(?! (?:could|can|might|would|'d) )",
    # Indirect: "I wonder what the team would need", "who actually decides".
    r"\bwhat (?:the|your) (?:\w+ ){0,2}(?:would|will|does|do|might) (?:\w+ )?(?:need|want|expect|look for|care about|value|prioriti[sz]e)\b",
    r"\bwho (?:actually|really|ultimately|normally|usually) (?:makes|decides|signs|approves|has)\b",
    r"\bwhat (?:the|your) (?:\w+ ){0,2}(?:needs|wants|expects|values|prioriti[sz]es|cares about) most\b|\bwhat (?:criteria|factors|considerations|principles|guidelines)\b|\bbudget (?:ceiling|cap|limit)\b",
    r"\bfrom (?:your|the firm's|the company's|the team's) (?:side|end|perspective|point of view),? (?:what|how|who|which|why)\b",
    r"\bhow (?:[\w']+ ){0,8}(?:usually|typically|normally|generally)\b|\bwhat(?:'s| is| would be) (?:\w+ )?(?:easier|easiest|simpler|best|better) (?:for you|on your|for the)\b",
    r"\bwhat would make (?:that|it|this) (?:easier|work|possible|workable)\b",
    r"\bwhat (?:would|could|might) work (?:on|for|from) (?:your|you)\b",
    r"\bwhat (?:the|your) (?:\w+ ){0,2}most (?:needs|wants|values|expects)\b",
    r"\bhow (?:have|has) (?:you|the company|the firm|the team) (?:\w+ ){0,2}handled\b|\bother new hires\b|\bin the past\b",
    r"\bhow is (?:\w+ ){0,3}(?:plan|hiring|headcount|growth|budget|team) (?:\w+ )?looking\b",
    r"\bwhat (?:are you|is the team|is the firm) (?:hoping|looking|trying|planning)\b",
    r"\bwhat (?:the |your |this )?(?:[\w-]+ ){0,2}(?:is|are) (?:hoping|looking|trying|planning|aiming|working) (?:to|for|toward)\b",
    r"\bhow (?:\w+ ){0,3}(?:are|is|get|gets) (?:\w+ )?(?:set|determined|decided|worked out|agreed|approved|structured|benchmarked|banded|levell?ed)\b|\bhow (?:you|they|the (?:\w+ )?(?:team|company|firm|panel|committee)) (?:\w+ )?(?:weighs?|decides?|evaluates?|sets?|determines?|approach(?:es)?|balances?|prioriti[sz]es?|thinks? about)\b",
    r"\bwhat would it take\b|\bis (?:it|that|this) (?:more )?(?:a|an) (?:\w+ ){0,2}(?:thing|issue|question|constraint|problem|matter|concern) or (?:a |an )?(?:\w+ ){0,2}(?:thing|issue|question|constraint|problem|matter|concern)\b",
    r"\b(?:is|would) (?:it|that|this) (?:be )?(?:\w+ )?(?:normal|usual|common|typical|standard|customary|unusual|expected|frowned upon) (?:for|to|here|at|around)\b",
    r"\bwhat (?:flexibility|room|leeway|latitude) (?:do|does|is there|would|could|there is)\b|\bwhat(?:'s| is) (?:typical|normal|standard|usual|customary)\b",
)]


# An open question (wh- or "is there anything") whose words are about the
# organisation's needs, constraints, process or norms.
_OPEN_Q = rx(r"(?:^|[.!?,:]\s*|\b(?:so|and|also|but|like|then|wonder|wondering|curious)\s+)(?:what|how|who|which|why|where|is there anything|are there any|can you (?:tell me|explain|share)|could you (?:tell me|explain|share|give me an idea of)|(?:may|can|could) i ask (?:what|how|who|which|why))\b")
_INTEREST_TOPIC = rx(
    r"\bshould (?:\w+ )?(?:include|contain|cover|address|show)\b|\b(?:needs?|needed|constraints?|priorit\w*|process|procedure|approv\w*|decid\w*|decision|sign(?:s|ed)? off|"
    r"usually|typically|normally|generally|standard|typical|normal|usual|common|customary|norms?|concerns?|worr\w*|"
    r"obstacles?|hurdles?|blockers?|barriers?|sticking points?|challenges?|risks?|matters? most|goals?|looking for|look for|"
    r"hoping|care (?:about|most)|value|headcount|plans?|tends? to|do(?:es)? well|succeed\w*|thrive\w*|kind of person|type of person|profile|approach\w*|requests? from|people who|criteria|handled?|easier|lose|gain|success|expect\w*|"
    r"flexib\w*|leeway|latitude|other (?:people|candidates|hires|new hires|employees|folks|starters)|people in (?:this|the|my|similar) (?:role|position|level|grade|team)|new hires|set|determined|negotiat\w*|"
    r"driv\w*|behind (?:it|that|this|the)|reasoning|rationale|hesitat\w*|reluctan\w*|hold-?up|on your (?:side|end)|from your (?:side|end)|"
    r"holding (?:\w+ ){0,3}back|stopping|standing in the way|balance[sd]?|workload|pressures?|headaches?|pain points?|struggl\w*|bottlenecks?|gaps?|keeps? you up|weigh\w*|want\w* from|ideal|(?:have|has) a say|final say|weigh in|involved|in charge|call the shots|(?:see|view|react to|feel about|think about|perceive|receive) (?:a |the |this |that |my )?(?:request|change|move|ask|proposal|idea))\b"
)


def asks_interests(m: Message) -> Span | None:
    span = _asks_interests_phrase(m)
    if span:
        return span
    for sa, sb in m.sents:
        sent = m.norm[sa:sb]
        if not sent.endswith("?"):
            continue
        q = _OPEN_Q.search(sent)
        # "How about a bigger bonus instead?" proposes; it asks nothing.
        if q and _PROPOSAL_Q.match(sent, q.end() - 4 if q.group(0).rstrip().endswith("how") else q.start()):
            continue
        if q and _INTEREST_TOPIC.search(sent, q.start()) and not FACT_QUESTION.search(sent):
            return sa + q.start() + (len(q.group(0)) - len(q.group(0).lstrip(" .!?,:"))), sb
    return None


_THANKED_FOR = rx(r"\b(?:thanks?|thank you|appreciate\w*|grateful(?! to (?:hear|know|learn|understand)))\b[^.?!]{0,40}$")


def _asks_interests_phrase(m: Message) -> Span | None:
    if not m.is_question and not re.search(r"\b(?:walk me through|help me understand|tell me (?:more )?about|curious (?:how|what|about)|(?:like|want|trying|keen|hoping|interested|grateful|glad|happy) to (?:understand|know|learn|get a sense of|hear) (?:how|what|who|why|which)|(?:kindly |please )?(?:advise|tell me) (?:what|how|who|which)|(?:wanted|want|would like|'d like|meant|was going) to ask (?:you )?(?:how|what|who|why|which|whether|if))\b", m.norm):
        return None
    for span in m.iter_matches(_INTEREST_PHRASES, negatable=True, window=3):
        sa, sb = m.sentence_at(span[0])
        sent = m.norm[sa:sb]
        # "thanks for walking me through the benefits" looks back.
        if _THANKED_FOR.search(m.norm, sa, span[0]):
            continue
        # Questions about a plain fact of the offer need a norm/process word.
        if "?" in sent or re.search(r"walk me through|help me understand|tell me|curious|to (?:understand|know|learn|get a sense of|hear) (?:how|what|who|why|which)|(?:advise|tell me) (?:what|how|who|which)|to ask (?:you )?(?:how|what|who|why|which|whether|if)", sent):
            return span
    return None


# ---------------------------------------------------------------------------
# specific_ask
# ---------------------------------------------------------------------------

_SPECIFIC = [rx(p) for p in (
    # "could I be placed in / work out of / transfer to ..."
    r"\b(?:be |get |being )?(?:placed|based|posted|assigned|stationed|located|moved|transferred|relocated|seated) (?:in|at|to|out of|with) (?!(?:the )?same\b)",
    r"\b(?:work|working|start|starting|sit|sitting|be|being|join|joining) (?:\w+ ){0,2}(?:out of|from|in|at) (?:the |your |our )?(?:\w+ )?(?:office|branch|site|hub|location)\b",
    r"\b(?:transfer|move|switch|reassign\w*|relocat\w*) (?:me |myself )?(?:(?!easier|harder|simpler|quicker)\w+ ){0,2}(?:to|into) (?:the |your )?(?!approve\b|justify\b|sell\b|happen\b)\w+",
    r"\b(?<!were\s)(?<!was\s)(?:be |get )?(?:placed|based|posted|assigned|transferred|moved|relocated|stationed) (?:there|here|over there)\b",
    r"\b(?:placement|posting|assignment|location|office|seat) (?:\w+ ){0,3}(?:changed|moved|switched|instead|rather)\b",
    r"\b(?:\w+ )?(?:office|branch|location|city) (?:\w+ ){0,6}(?:instead|rather than)\b",
    r"\b(?:office|branch|location|site|placement|posting) (?:would|might|could) (?:be|suit me) (?:\w+ )?(?:ideal|perfect|great|better|preferable|best|my preference)\b",
    r"\b" + OFFICE_LIKE + r" (?:\w+ )?(?:is|be|could be|would be|might be) (?:\w+ )?(?:an option|possible|doable|workable|feasible)\b",
    r"\b(?:any|some|more|is there) (?:room|flexibility|wiggle room|movement|give|leeway) (?:\w+ ){0,2}(?:on|in|with|for|around) (?:the |my |your )?(?:\w+ )?" + TERM,
    r"\b(?:increase|raise|bump|bring|move|push|get|go|come) (?:\w+ ){0,3}(?:up |closer )?to \$?\d(?:[\d,]|\.\d)*k?",
    r"\b(?:increased|raised|bumped|improved|adjusted|revisited|sweetened|matched) (?:to|up|at all|a bit|by)\b|\bcould (?:it|that|the \w+) be (?:increased|raised|bumped|improved|higher)\b",
    # Passive requests: "if the base could be revisited", "that a placement
    # in Denver can be arranged".
    r"\b(?:base|salary|pay|bonus|equity|offer|package|number|title|relocation|allowance|start date)\b (?:\w+ ){0,2}(?:could|can|might|may|would) be (?:\w+ )?(?:revisited|reviewed|reconsidered|adjusted|nudged|sweetened|increased|raised|improved|looked at again|topped up|covered|extended|matched)\b",
    r"\b(?:placement|posting|transfer|move|relocation|secondment|remote \w+|hybrid \w+|raise|increase|bump) (?:\w+ ){0,3}(?:can|could|might|may) be (?:arranged|approved|agreed|granted|found|organi[sz]ed|made to work)\b",
    # A counter figure on a live call: "can we do 5 instead?", "could you do 130?"
    r"\b(?:can|could) (?:we|you) (?:do|make it|go to|meet at|settle on|land on|stretch to) \$?\d[\d,.]*k?\b",
    r"\b(?:base|salary|bonus|equity|pay) (?:up )?to \$?\d[\d,.]*k?\b",
    # Subjunctive requests: "(I propose) that the allowance be increased to".
    r"\b(?:base|salary|pay|bonus|equity|offer|package|title|relocation|allowance|stipend|start date) be (?:increased|raised|revised|adjusted|changed|moved|set|improved|extended|covered|revisited|matched)\b",
    r"\b(?:close|narrow|shrink|cut) (?:the|that|this) (?:gap|delta|difference|spread)\b",
    r"\b(?:closer to|at least|more like|something like|hoping for|asking for|ask for|aiming for|looking for|request) (?:a |an )?\$?\d(?:[\d,]|\.\d)*k?",
    r"\bask(?:ing)? for (?:a |an |the |more |\d|\$|two|three|one|some|extra|higher|additional)",
    r"\b(?:higher|bigger|better|larger|more) (?:base|salary|number|offer|bonus|pay|equity|title|package|relocation|budget)\b",
    r"\b(?:match|beat|meet|top) (?:it|that|this|their|theirs|the offer|what)\b",
    r"\bholding (?:at|firm at|out for)\b|\b(?:i need|i'd need|i want) (?:at least )?\$?\d(?:[\d,]|\.\d)*k?",
    r"\b(?:title|role) (?:\w+ ){0,3}(?:to be|be|to say|changed to|as|of) (?:\w+ ){0,2}(?:senior|lead|principal|manager|director|staff|head)\b|\bsenior title\b",

    r"\b(?:relocation|moving) (?:\w+ )?(?:budget|package|support|assistance|allowance|stipend|costs|expenses|help|bonus)\b",
    r"\b(?:temporary|temp|corporate) housing\b",

    r"\b(?:more|extra|additional) (?:pto|vacation|leave|holiday|days off|equity|stock|options|shares)\b|\b(?:an )?extra week\b",
    r"\b(?:start|start date|first day|joining date) (?:of|on|in) (?:\w+ ){0,2}(?:instead|rather)\b",
    r"\bcover (?:part of |some of |all of )?(?:my|the) (?:\w+ )?(?:tuition|costs|move|relocation|expenses|mba|course|certification)\b",
    r"\b(?:could|would|can) (?:the company|you|the firm) (?:cover|pay for|contribute)\b",
    r"\b(?:any|a|some) (?:\w+ )?(?:budget|stipend|allowance) (?:for|if)\b",
    r"\bbetter number\b|\b(?:better|improved|revised|stronger) offer\b|\bclose (?:that|the) gap\b",
    r"\b(?:ask|asking|asked|request|requesting) (?:about|for) (?:a |the |an )?(?:transfer|move|relocation|raise|increase|remote|hybrid|title|change of|\w+ office|\w+ posting|bump)",
    r"\b(?:case for|push for|argue for|make a case for) (?:a |the )?(?:\w+ )?(?:office|move|transfer|placement|raise|remote|hybrid|title|increase)\b",
    r"\b\$?\d+(?:k|,\d{3})? (?:is|would be|seems|feels) (?:more )?(?:justified|fair|reasonable|warranted|appropriate)\b",
    r"\b(?:make|change|set|move) (?:my |the )?(?:start(?:ing)?|joining) date\b",
    r"\bpossibility of (?:a |an |the )?(?:\w+ )?(?:placement|posting|transfer|move|relocation|raise|remote|hybrid|increase|bonus|secondment)\b",
    r"\b(?:placement|posting|transfer|move|office|relocation|secondment|arrangement|setup) (?:\w+ )?(?:to \w+ )?(?:could|would|might) work\b|\bsecondment\b",
    r"\b\$?\d{2,3}(?:k|,\d{3})? (?:be |is )?(?:at all )?(?:doable|possible|feasible|workable|an option)\b",
    r"\b(?:to|get to|at) \$?\d{2,3}(?:,\d{3}|k)?\b(?= ?[,.!?]|$| base| salary)",
    # "I really need $128,000 on the base", "need 128k base", "I'd want the base at 140"
    r"(?:^|\b(?:i|we)(?:'d| would)? (?:\w+ )?)(?:need|want|require|expect|am after|'m after|am asking|'m asking)\b (?:at least |a minimum of |something like |around |about |closer to |roughly )?\$? ?\d[\d,.]*(?:k|%| ?percent| ?grand)?",
    r"\b(?:need|want|like|expect|require)s? (?:the |my )?(?:base|salary|pay|bonus|equity|number|sign(?:ing|-on)? bonus|relocation|stipend) (?:at|to be|of|to|set at|raised to) \$?\d",
    r"\b(?:\$?\d[\d,.]*k?|\d+ ?(?:%|percent)) (?:more|extra|higher|up) (?:on|in|for|to) (?:the |my )?(?:base|salary|bonus|equity|pay|offer|package|number)\b",
    r"\b(?:placing|putting|basing|moving|transferring|relocating|posting|stationing|assigning|sending) me (?:in|to|at|there|out of|into)\b|\bmake (?:that|it|this|\w+) (?:the|my) (?:placement|posting|location|office|base)\b",
    r"\b(?:get|come|go|move) (?:a bit |a little |any |somewhat )?(?:closer|nearer) to (?:that|it|this|theirs|their|the)\b",
    r"\b(?:a |an )?(?:\$?\d[\d,.]*k?|\d+ ?%|\d+ percent) (?:bump|raise|increase|rise|uplift|boost|jump) (?:on|in|to|for) (?:the |my )?(?:base|salary|pay|bonus|equity|offer|package)\b",
    r"^\W*(?:at|for) \$?\d{2,3}(?:k|,\d{3})?,? (?:i'm|i'll|i will|i'd|i would) (?:\w+ )?(?:sign|signing|in|yours|accept|accepting|say yes)\b",
    # A figure named by its first digit: "something starting with a 9".
    r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?) with an? (?:\d|one|two|three|four|five|six|seven|eight|nine)\b",
    r"\b(?:a (?:bit|little|touch|few \w+) )?more (?:on|in) (?:the |my )?(?:base|salary|bonus|equity|pay|signing|relocation|package)\b",
    # "130 and you've got yourself a new hire", "120, remote tuesdays, and we're good"
    r"\b\$?\d{2,3}(?:k|,\d{3})?\b[^.?!]{0,40}\band (?:we're (?:good|set|done)|we have a deal|you(?:'ve)? (?:got|have) (?:yourself )?(?:a|an) (?:\w+ )?(?:hire|deal|yes|signature)|i'm (?:yours|in|sold)|i(?:'ll)? sign|it's a (?:deal|yes)|consider it done)\b",
)]
# Bare mentions of a term: an ask only inside a request frame or question.
_TERM_MENTION = [rx(p) for p in (
    r"\b(?:remote(?:ly)?|hybrid|from home|wfh|home days|remote days|home office)\b(?! polic)|\bdays? (?:at|from) home\b",
    r"\b(?:sign(?:ing|-on| on)?|retention|joining|relocation) bonus\b|\bbonus\b",
    r"\bflexib(?:le|ility) (?:schedule|hours|working|start times?|days)\b|\bflexi-?time\b",
    r"\b(?:salary|base|pay|equity|stock|rsus?|shares|title|pto|vacation|relocation|stipend|allowance|package|four-day week|4-day week|part-time)\b(?! (?:paperwork|forms?|documents?|details|logistics|process|policy|paper|portal))",
)]
_YOUR_OWN = rx(r"\byour (?:vacation|holiday|holidays|pto|leave|days off|trip|flight)\b(?! (?:policy|allowance|days|package))")
_CLOCK = rx(r"\b\d{1,2}(?::\d\d)? ?(?:am|pm|o'clock)\b|\b(?:call|meeting|chat|zoom)\b")
_NORM_Q = rx(r"\b(?:normally|usually|typically|generally|customary|commonly|standard practice)\b")
_DISCUSS = rx(r"\b(?:discuss|talk|go over|go through|talk through|chat)\b")


_ABOUT_TERM = rx(r"\b(?:being|about|regarding|re|on) $")
_UNDERSTAND = rx(r"\b(?:understand|know|learn|get a sense of|curious) (?:how|what|why|who|whether|which)\b")
_YES_NO_Q = rx(r"(?:would|could|can|is|are|any|might|will)\b")
_CHECKING = rx(r"\b(?:can|could|may) i (?:just )?(?:check|ask|confirm)\b|\b(?:can|could|would) you (?:please )?(?:just )?(?:confirm|double-check|clarify|remind me)\b|\bquick question\b|\bjust checking\b")


def specific_ask(m: Message) -> Span | None:
    """A request to change a term.

    Phrases of change ("move me to", "bring the base to") need some request
    frame in their sentence (a question, "I'd like", a condition); a bare
    mention of a term ("remote", "bonus") needs a real ask frame. Open
    wh-questions ("How do remote days usually work?") ask for facts or norms.
    """
    for span in m.iter_matches(_SPECIFIC, negatable=True, window=4):
        sa, sb = m.sentence_at(span[0])
        sent = m.norm[sa:sb]
        # "Being based in Denver, I could..." sets up a justification.
        if m.norm[max(sa, span[0] - 6):span[1]].lstrip().startswith(("being ", "being\t")):
            continue
        # "If the salary stays at 70, ..." keeps the terms, it asks nothing.
        if STATUS_QUO.search(sent) and "?" not in sent:
            continue
        if FACT_QUESTION.search(sent) and (not ASK_FRAME_RX.search(sent) or _CHECKING.search(sent)):
            continue
        # "can we do 3 instead?" after "I can't make the 2pm": a call time.
        if _CLOCK.search(sent) and re.fullmatch(r"(?:1[0-2]|[1-9])", m.norm[span[1] - 2:span[1]].strip()):
            continue
        if _ASK_CONTEXT.search(sent) and (not WH_QUESTION.search(sent) or _WHAT_IT_TAKES.search(sent)):
            return span
    for span in m.iter_matches(_TERM_MENTION, negatable=True, window=4):
        sa, sb = m.sentence_at(span[0])
        sent = m.norm[sa:sb]
        if WH_QUESTION.search(sent) or _DISCUSS.search(m.norm[sa:span[0]]):
            continue
        # "how was your vacation?": the manager's own time off.
        if _YOUR_OWN.search(m.norm[max(sa, span[0] - 6):span[1]]):
            continue
        # "me being remote", "I'd like to understand how you set salaries":
        # the term is talked about, not asked for.
        if _ABOUT_TERM.search(m.norm[max(sa, span[0] - 12):span[0]]) or _UNDERSTAND.search(sent):
            continue
        if FACT_QUESTION.search(sent) and (not ASK_FRAME_RX.search(sent) or _CHECKING.search(sent)):
            continue
        if _NORM_Q.search(sent) and not ASK_FRAME_RX.search(sent):
            continue
        if ASK_FRAME_RX.search(sent) or (sent.endswith("?") and (FIRST_PERSON.search(sent) or _YES_NO_Q.match(sent))):
            return span
    return _back_reference(m)


# "Working from home on Fridays, I'd ... . Would that be possible?": the ask
# is a later sentence pointing back at a term named before it.
_POINTING_BACK = rx(r"^\W*(?:\w+,? )?(?:(?:would|could|is|will|might) (?:that|this) (?:\w+ )?(?:be )?(?:at all )?(?:possible|doable|an option|feasible|ok|okay|acceptable|workable|something you(?:'d| would| could) consider)|(?:is|would) (?:that|this) (?:be )?something (?:we|you) (?:could|can|might|would) (?:\w+ ){0,3}(?:consider|build|add|include|do|offer|look at|accommodate|work into|fold into|put in)|(?:can|could) we make (?:that|this|it) (?:happen|work))\b[^.?!]*\W*$")
# "What would it take to get to 125?" names the figure wanted; "what would it
# take for a transfer to be approved?" asks about process only.
_WHAT_IT_TAKES = rx(r"\bwhat (?:would|will|does) it take\b[^.?!]{0,40}\$?\d")


def _back_reference(m: Message) -> Span | None:
    for i, (sa, sb) in enumerate(m.sents):
        if i == 0 or not _POINTING_BACK.match(m.norm[sa:sb]):
            continue
        pa, pb = m.sents[0][0], sa
        for span in m.iter_matches(_TERM_MENTION + _SPECIFIC, negatable=True, window=4, within=(pa, pb)):
            ta, tb = m.sentence_at(span[0])
            sent = m.norm[ta:tb]
            if WH_QUESTION.search(sent) or _DISCUSS.search(m.norm[ta:span[0]]) or FACT_QUESTION.search(sent):
                continue
            return span
    return None


_ASK_CONTEXT = rx(
    r"\?|\b(?:things|points|asks|requests|items)\s*:|\b(?:i|i'd|i would) (?:\w+ )?(?:propose|suggest|request)\b|" + ASK_FRAME + r"|^\W*(?:a |an )?(?:bit |little |touch )?(?:more|extra|higher|bigger|additional|remote|hybrid|later|senior|\d+ ?%) (?:\w+ ){0,3}would\b|^\W*(?:at|for) \$?\d|\bideally\b|\band (?:we're (?:good|set|done)|we have a deal|you(?:'ve)? (?:got|have) (?:yourself )?(?:a|an)|i'm (?:yours|in|sold)|i(?:'ll)? sign|it's a (?:deal|yes))\b|(?:^|\bi (?:\w+ )?)(?:need|want)\b|\b(?:would|could) (?:\w+ ){0,2}(?:get me (?:over|there)|do it for me|work for me|seal (?:it|the deal)|be enough)\b|\b(?:if|unless|either|needs? to|has to|have to|must|what if|how about|instead|rather than|in exchange|i'm holding|holding at|one option|one idea|i could|my ask|the ask|ask is|hoping|i'd love|would love|willing|is possible|be possible|match|beat|better number|can't|cannot|isn't|not possible|off the table|on the table|come back with|ideal|preferable|justified|warranted|deserve|fair|reasonable)\b"
)


# Place- or term-change demands, common inside threats and conditions:
# "Is Denver at all possible?", "If Austin isn't possible", "unless you can
# move me to X", "Either I get Austin". The named thing (group "x") must be a
# known place or term word, or a capitalised word in the original text.
_DEMANDS = [rx(p) for p in (
    r"\b(?:is|would|could|if|whether|unless|until) (?:the )?(?P<x>[a-z]+(?: office)?) (?:is |be |at all |really |definitely |still |could |would |might |ever )*(?:(?:not |n't |isn't |is not |at all )?(?:possible|an option|doable|on the table|on the cards|in the cards|off the table|happen|workable|a no|feasible|available)|isn't possible|can't happen|is a no)\b",
    r"\b(?:move|put|place|send|get|have|keep|base|assign|transfer|relocate|station|find room for|find a (?:seat|spot|place) for) (?:me )?(?:\w+ ){0,2}(?:in|to|at|into) (?:the |your )?(?P<x>[a-z]+)\b",
    r"\b(?:i|me) (?:can't |cannot |could |can )?be (?:in|based in|placed in|posted in) (?P<x>[a-z]+)\b",
    r"\b(?:either )?i get (?P<x>[a-z]+)\b",
    r"\b(?:agree to|approve|sign off on|allow|okay|greenlight) (?:a |the |my )?(?:move to |transfer to )?(?P<x>[a-z]+)\b",
    r"\bin (?P<x>[a-z]+) (?:instead|rather)\b",
    r"\b(?:if|whether) (?:maybe |perhaps |possibly )(?P<x>[a-z]+(?: office)?) (?:\w+ )?(?:might|could|would) (?:be |ever be |still be )?(?:possible|an option|doable|workable|feasible)\b",
    r"\b(?P<x>[a-z]+) (?:office|posting|placement|transfer)\b[.,:;!? -]{0,3}(?:\w+ ){0,3}(?:possible|doable|feasible|an option|on the table|mean (?:everything|a lot|the world|so much))\b",
    r"\b(?P<x>[a-z]+)(?: office)?(?:'s| is) (?:where|the (?:place|office|city|one)) (?:i'd|i would|i want to|i'm hoping to|i'm aiming to|i hope to|i can|i could) (?:\w+ ){0,2}(?:be|end up|land|work|go|settle|be based|do)\b",
    r"\b(?P<x>[a-z]+(?: office)?) (?:would be|is|'d be) (?:my |the )?(?:\w+ )?(?:pick|preference|first choice|choice|ideal)\b(?=[^.?!]*\b(?:if|could|can|would|possible)\b)",
)]
_DEMANDS.append(rx(r"\b(?P<x>[a-z]+)(?: office)? is (?:the|my|our) only (?:\w+ )?(?:option|choice|place|city|location)\b"))
_THIRD_PARTY = rx(r"\b(?:competitors?|rivals?|another (?:firm|company|employer|bank|place)|other (?:firm|company|employer|bank|place)s?|they|they'd|they'll|they would|they will)\b[^.?!]{0,30}$")
_TERM_WORDS = frozenset(
    "remote hybrid salary base pay title bonus equity relocation denver austin office".split()
)
_PLACE_WORD = rx(r"^(?:" + PLACE_WORDS + r")$")


def _names_place_or_term(m: Message, start: int, word: str) -> bool:
    if word in NOT_A_PLACE:
        return False
    if word in _TERM_WORDS or _PLACE_WORD.match(word) or word.endswith(" office"):
        return True
    # A proper noun: capitalised in the original text, not the first word
    # of its sentence.
    sa, _ = m.sentence_at(start)
    return start > sa and m.original[start:start + 1].isupper()


def place_or_term_demand(m: Message) -> Span | None:
    """Place-based (or named-term) asks, found even without a request verb."""
    for p in _DEMANDS:
        for mt in p.finditer(m.norm):
            s, e = mt.span()
            if m.negated(s, window=3):
                continue
            sa, sb = m.sentence_at(s)
            if _THIRD_PARTY.search(m.norm, sa, s):  # "a competitor would put me in Denver"
                continue
            if WH_QUESTION.search(m.norm[sa:sb]):  # "what's the risk if I'm in Austin?"
                continue
            if _names_place_or_term(m, mt.start("x"), mt.group("x")):
                return s, e
    return None
