"""What the candidate asks for: ``requests_meeting``, ``asks_extension``,
``proposes_option``, ``asks_interests``, ``specific_ask``."""

from __future__ import annotations

import re

from ..lexicon import ASK_FRAME, OFFICE_LIKE, PLACE_WORDS, TERM, alt, rx
from ..message import Message, Span
from .common import AMOUNT, ASK_FRAME_RX, FACT_QUESTION, FIRST_PERSON, NOT_A_PLACE, SPOKEN_AMOUNT, STATUS_QUO, WH_QUESTION

# ---------------------------------------------------------------------------
# requests_meeting
# ---------------------------------------------------------------------------

_MEETING = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:can|could|shall|should|may) (?:we|i) (?:please |quickly |maybe |possibly )?(?:talk|speak|chat|meet|hop on|jump on|get on|set up|schedule|book|arrange|find (?:a |some )?(?:time|minutes|\d+)|grab|call|ring|discuss \w+ (?:by|over|on) (?:phone|call|zoom|video))\b(?! (?:about it )?(?:by|over|via) e-?mail)",
     ("Could we talk this through tomorrow?", "Can I call you this afternoon to go over the offer?"),
     ("Can we talk about it over email?",)),
    (r"\b(?:would|will|do|are) you (?:have|be|got) (?:\w+ ){0,3}(?:time|free|available|a moment|a few minutes|(?:\d+|five|ten|fifteen|twenty|thirty|forty|forty-five|sixty) (?:minutes|mins)|a slot)\b(?! to (?:send|email|write|reply|respond))",
     ("Do you have time for a quick call on Thursday?", "Would you be free tomorrow morning?"),
     ("Would you have time to send the revised offer?",)),
    (r"\b(?:find|set up|schedule|book|arrange|grab|put) (?:a |some |\d+ |twenty |fifteen |ten |thirty )?(?:time|minutes|slot|call|meeting|chat|zoom|video)",
     ("Can we find some time this week to go over the numbers?", "I'd like to schedule a call with the hiring manager."),
     ("I'll find the document and send it over.",)),
    (r"\b(?:a|some|the|quick|short|brief) (?:quick |short |brief )?(?:(?:\d+|five|ten|fifteen|twenty|thirty|half-hour)[- ]min(?:ute)? )?(?:phone|video|zoom|teams|follow-up|follow up|\d+[- ]minute)? ?(?:call|chat|meeting)\b(?! (?:yesterday|last|earlier))|\b(?:phone|video|zoom|teams|live) conversation\b",
     ("Would a quick call work for you on Friday?", "Could we set up a 15-minute video chat?"),
     ("Thanks for the call yesterday.",)),
    (r"\b(?:over|by|on|via) (?:the )?(?:phone|telephone|zoom|teams|video|a call|facetime|skype)\b",
     ("Happy to go through it over the phone.", "Can we discuss this on Zoom?"),
     ("I'll send the details by email.",)),
    (r"\b(?:have|got) you (?:got )?(?:\w+ ){0,2}(?:minutes|mins|a minute|a moment|a sec|time|a slot)\b(?! to (?:send|email|write|reply|respond))(?=[^.!]*\?)",
     ("Have you got a minute this afternoon?", "Have you got five minutes later today?"),
     ("Have you got time to send the contract over?",)),
    (r"\bwhat time (?:\w+ )?(?:suits|works|is good|is best) (?:for )?you\b|\b(?:a|quick|short|brief) (?:quick )?(?:catch-?up|sync|video chat|conversation)\b",
     ("What time works for you tomorrow?", "Could we do a quick catch-up on Friday?"),
     ("What time does the office open?",)),
    (r"\bphone call\b|\bgoogle meet\b|\bmeet (?:up|in person)\b|\bsit down (?:together|with (?:you|u)|in person)\b",
     ("Could we jump on a phone call?", "I'd love to sit down with you next week."),
     ("I'd love to sit with the offer for a day.",)),
    (r"\b(?:pop|drop|stop|swing|come|call) (?:in|into|by|round|over) (?:to )?(?:the|your) (?:office|building|hq)\b|\b(?:visit|see) you (?:in person|at the office)\b",
     ("I could pop into the office on Tuesday to talk it through.", "Could I see you in person before I decide?"),
     ("I'll drop the signed form in the post.",)),
    (r"(?<!\bfor\s)\b(?:ring|call|phone) me\b|\bgive (?:me|you) a (?:call|ring|buzz|bell)\b|\b(?:send|sending|set up|setting up|put|putting|pop|drop|fire|shoot) (?:me |you |over )?(?:a |an )?(?:calendar|meeting|zoom|teams) invite\b",
     ("Feel free to call me after 5.", "I'll send you a calendar invite for Thursday."),
     ("Please email me the updated offer.", "Hello, thank you for call me.")),
    (r"\b(?:a|quick|short|brief) (?:quick |short |brief )?(?:zoom|teams|facetime|hangout|google meet|video chat|phone chat)\b",
     ("Could we do a quick Zoom tomorrow?", "Maybe a short Teams call this week?"),
     ("I saw the Zoom link in the email.",)),
    (r"\bwe (?:could|can|should|might) (?:\w+ )?(?:meet|talk|chat|speak|hop on|jump on|catch up|grab)\b(?! (?:about it )?(?:by|over|via) e-?mail)",
     ("Maybe we could chat on Monday?", "We should probably talk before I sign."),
     ("We could talk about it over email.",)),
    (r"\b(?:meet|catch up|talk) (?:up )?(?:for|over) (?:a )?(?:coffee|lunch|a drink|tea|breakfast)\b",
     ("Happy to meet for coffee if that's easier.", "Could we talk over lunch on Friday?"),
     ("I'll meet the deadline for sure.",)),
    (r"\b(?:see|speak to|talk to) you (?:then|on (?:monday|tuesday|wednesday|thursday|friday)|at \d|tomorrow)\b",
     ("Great, speak to you tomorrow.", "See you at 3."),
     ("I'll get back to you tomorrow.",)),
    (r"\bin person\b|\bface[- ]to[- ]face\b",
     ("I'd prefer to discuss this in person.", "Could we meet face-to-face?"),
     ("I'd prefer to discuss this by phone.",)),
    (r"\blet's (?:\w+ ){0,3}over (?:a )?(?:lunch|coffee|dinner|breakfast|drinks?)\b",
     ("Let's discuss it over lunch.", "Let's go through it over a coffee next week."),
     ("Let's go over the numbers.",)),
    # "Could we do this live?", "any chance of grabbing a coffee?"
    (r"\b(?:do|take|have|continue|finish|discuss|sort|settle|hash) (?:this|it|that|the rest|things) (?:out )?(?:live|in person|face to face|by phone|on the phone|over the phone|on a call)\b",
     ("Could we do this live?", "Can we hash it out on a call?"),
     ("Could we do this by email?",)),
    (r"\b(?:grab|grabbing|get|getting|meet for|meeting for|chance of|time for|fancy) (?:a )?(?:quick )?(?:coffee|lunch|a drink|drinks|tea|breakfast)\b(?=[^.!]*\?)",
     ("Any chance of grabbing a coffee next week?", "Fancy a quick lunch on Thursday?"),
     ("I'll grab a coffee before the call.",)),
    (r"\b(?:talk|speak|chat|discuss|go) (?:\w+ ){0,4}(?:live|in person|by phone|on the phone|over the phone|on a call|over coffee)\b",
     ("I'd rather talk this through by phone.", "Happy to go through the details on a call."),
     ("I'd rather talk this through by email.",)),
    (r"\b(?:hop|jump|get) on (?:a |the )?(?:call|phone|zoom|teams|video)",
     ("Can we hop on a call later?", "Could we jump on Zoom for ten minutes?"),
     ("I'll get on with the paperwork today.",)),
    (r"\b(?:stop|come|swing|drop) by (?:the|your) office\b",
     ("I can swing by your office tomorrow.",),
     ("I'll drop by the bank after work.",)),
    (r"\b(?:happy to|i can|i could|i'm free to|i'm available to|glad to|love to|like to|rather) (?:\w+ )?(?:talk|speak|chat|meet|hop on|jump on|call)\b(?! (?:about it )?(?:by|over|via) e-?mail)(?! (?:it )?(?:over|through) with (?:my|the) (?:family|partner|wife|husband))",
     ("Happy to talk whenever suits you.", "I'd love to chat more about the role."),
     ("I'd like to talk it over with my partner first.",)),
    (r"\blet's (?:\w+ )?(?:talk|speak|chat|meet)(?: about (?:it|this))? (?:live|in person|by phone|on the phone|tomorrow|today|later|this|next|on (?:monday|tuesday|wednesday|thursday|friday))\b",
     ("Let's talk tomorrow.", "Let's chat about it on Monday."),
     ("Let's talk about the base salary.",)),
    (r"\b(?:talk|speak|chat) (?:to you )?(?:then|tomorrow|today|at|in \w+ minutes)\b",
     ("Talk to you then!", "Speak in ten minutes."),
     ("I need to talk to my partner first.",)),
    (r"\b(?:call|ring|phone) (?:you|u) (?:back|tomorrow|later|today|at|this|in|on)\b",
     ("I'll call you back in ten minutes.", "Can I ring you tomorrow?"),
     ("I'll email you tomorrow.",)),
    (r"\b(?:\d{1,2}(?::\d\d)? ?(?:am|pm)|\d{1,2}:\d\d|noon|(?:monday|tuesday|wednesday|thursday|friday)(?: morning| afternoon| evening)?|tomorrow(?: morning| afternoon)?|this afternoon|that time|then) (?:\w+ ){0,3}(?:works|work|suits|is (?:perfect|great|fine|good)|it is)\b",
     ("3pm works for me.", "Thursday morning suits me best."),
     ("The start date works for me.",)),
    (r"\b(?:works|perfect|great|fine) for (?:a|the) (?:call|chat|meeting)\b",
     ("Tuesday is perfect for a call.", "Friday works for the meeting."),
     ("Tuesday is perfect for a start date.",)),
    (r"\b(?:i'm|i am) (?:free|available) (?:to talk|for a call|for a chat|to chat|on|at|after|in the|this|tomorrow|any)",
     ("I'm free on Thursday afternoon.", "I am available for a call any time this week."),
     ("I'm available to start in March.",)),
    (r"\bavailable (?:in the )?(?:evenings?|mornings?|afternoons?|after|before|on|at)\b",
     ("I'm generally available in the mornings.", "I'm available after 4 most days."),
     ("The role isn't available remotely.",)),
    # Moving a call time: "I can't make the 2pm, can we do 3 instead?"
    (r"\b(?:(?:can't|cannot|couldn't|won't be able to|unable to|not able to) )?(?:make|miss|move|push|shift|reschedule|rearrange|do) (?:the |our |my )?\d{1,2}(?::\d\d)? ?(?:am|pm|o'clock)\b|\breschedul\w* (?:the |our )?(?:call|chat|meeting)\b",
     ("I can't make the 2pm, can we do 3 instead?", "Could we reschedule our call?"),
     ("I can't make it work at that number.",)),
)]
# Meetings that already happened or that are other people's ("returning
# your call", "following up on our call", "my call with the partners").
_PAST_CALL = rx(r"\b(?:returning|following up on|after|since|during|on|from|in|missed|our last|my last|the last) (?:your|our|the|my|that|yesterday's) (?:\w+ )?(?:call|meeting|chat)\b",
                yes=("Just following up on our call yesterday.", "Sorry I missed your call."),
                no=("Could we set up a call?",))


# "who makes the call", "your call", "a tough call": a decision, not a call.
_DECISION_CALL = rx(r"\b(?:make|makes|making|made|final|tough|judge?ment|right|wrong|close|your|my|their|whose) (?:the |a |that |this )?(?:\w+ )?call\b",
                    yes=("Who makes the final call on salary?", "It's your call."),
                    no=("Could we set up a call?",))
_NOT_A_MEETING = rx(r"\b(?:in|at|from|out of|during|between|rather than|instead of|than|late to|late for|early to|early for|dial into|dialling into|dialing into) (?:a|the|my|another|an|over|by|on|via) (?:\w+ )?(?:meeting|call|video|phone|zoom|teams)\b",
                    yes=("Sorry, I'm in a meeting until 3.", "I'd rather do it in person than over the phone."),
                    no=("Could we set up a meeting?",))
_MODE_ONLY = rx(r"(?:(?:over|by|on|via) (?:the )?(?:phone|telephone|zoom|teams|video|a call|facetime|skype)|in person|face[- ]to[- ]face)",
                yes=("Over the phone is fine.", "Happy to do it in person."),
                no=("Happy to send it by email.",))
_TALK = rx(r"\b(?:talk|discuss|meet|chat|speak|call|go through|go over|catch up|conversation|sit down|pick (?:this|it|things) up|continue|grab|hop|jump|iron|work through|free|available|mins|minutes)\b|\?",
           yes=("Can we talk on Friday", "Over the phone?"),
           no=("Over the phone is fine.",))


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

_LATER_START = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:push|pushing|move|moving|bump|bumping|shift|shifting|slide|sliding|delay|delaying|defer|deferring|postpone|postponing|hold off on|put off|extend|extending) (?:back )?(?:my |the |our )?(?:start|first day|onboarding|joining|arrival|day one|orientation)\w*",
     ("Would it be possible to push my start back two weeks?", "Could we move the start date to March?"),
     ("Could we move the call to Thursday?",)),
    # "my start (could) be pushed back", but not across a new clause ("onboarding in A and moved to B").
    (r"\b(?:start|first day|onboarding|joining) (?:(?!and\b|then\b)\w+ ){0,3}(?:be )?(?:pushed|moved|delayed|deferred|postponed|slide|slid|shifted|bumped) (?:back|later|out|to)?",
     ("Could my start be pushed back a month?", "Is there any way my first day could be moved to June?"),
     ("My start date is fine as it is.",)),
    (r"\b(?:start|first day|onboarding|joining date|start date)\b(?:(?! earlier)[^.?!]){0,40}\b(?:slide|slip|shift|move) (?:later|back)\b",
     ("Could the start date slide back a couple of weeks?",),
     ("Could my start date move earlier?",)),
    (r"\b(?:later|delayed|deferred|pushed-back|pushed back) (?:start|starting|first day|onboarding|joining)\b",
     ("Would a later start be possible?", "I'd prefer a delayed start if that works."),
     ("Would an earlier start be possible?",)),
    (r"\b(?:start|start date|first day|onboarding|joining date) (?:\w+ ){0,2}(?:move|shift|slide|slip|be moved|be pushed|be delayed|be deferred|be postponed|change) (?:back |later )?(?:to|by|until|till|back|later)\b",
     ("Could the start date move to April?", "Could my first day be pushed to the 15th?"),
     ("The start date is the 1st of March.",)),
    (r"\b(?:start|join|begin)(?:ing)? (?:date )?(?:\w+ ){0,3}(?:later|a (?:bit|little|few \w+|week|month|couple of \w+) later)\b",
     ("Could I start a few weeks later?", "I'd prefer joining a month later."),
     ("Could I start a bit earlier?",)),
    (r"\b(?:start|join|begin|starting|joining|started|joined|began)\b[^.?!]{0,70}?\b(?:instead of|rather than) (?:the|on|in)? ?(?:\w+ )?(?:\d|january|february|march|april|may|june|july|august|september|october|november|december|next|this|mid|early|end)",
     ("Could I start on the 15th instead of the 1st?", "I'd like to join in April rather than March."),
     ("I'd like to start with a higher base rather than more equity.",)),
    (r"\b(?:one|a|two|a couple of|few) (?:\w+ )?(?:weeks?|months?|cycles?) later\b",
     ("Could I join two weeks later?", "Starting a month later would really help."),
     ("I could start two weeks earlier if needed.",)),
    (r"\b(?:delay|deferral|postponement|extension|push) (?:on|of|to) (?:my |the )?(?:start|start date|first day|joining)\b|\b(?:more|extra|additional|a few|a couple of) (?:\w+ )?(?:days|weeks) (?:off )?before (?:i|my) (?:start|join|begin)\b",
     ("Is a short delay to my start date possible?", "I'd love a couple of extra weeks before I start."),
     ("Is a delay to the project likely?",)),
    (r"\bjoining date is (?:\w+ ){0,3}later\b|\bdefer\w*\b",
     ("Could I defer my start until September?", "Would it work if my joining date is a bit later?"),
     ("Could I start a bit earlier?",)),
    (r"\bjoin the (?:\w+ )?(?:class|cohort|intake) (?:instead|rather)",
     ("Could I join the September cohort instead?",),
     ("I'm excited to join the team.",)),
    (r"\b(?:push|pushing|moving|move) my first day\b",
     ("Would you consider moving my first day to the 10th?",),
     ("I'm looking forward to my first day.",)),
    (r"\b(?:first day|day one|joining date|start date)\b[^.?!]{0,40}?\b(?:instead of|rather than) (?:the )?\d",
     ("Could my start date be the 15th instead of the 1st?",),
     ("Could my start date be in May instead of April?",)),
    (r"\b(?:a|an) (?:(?:mid|late|early)[- ])?(?:january|february|march|april|june|july|august|september|october|november|december|autumn|fall|spring|summer|winter)(?: \d{1,2}(?:st|nd|rd|th)?)? (?:start|start date|joining date|first day)\b(?=[^.?!]*(?:\?|instead|rather|possible|doable|prefer|ideal|would (?:\w+ ){0,2}(?:help|be (?:a |an )?(?:\w+ )?(?:help|easier|ideal|great|better))))",
     ("Would a mid-September start be possible?", "An early October start would really help."),
     ("I'm looking at a September start.",)),
)]
_MORE_TIME = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:more|extra|additional|some|a bit of|a little|a little more|a bit more|a few more|a couple more) (?!(?:remote|office|home|wfh|vacation|holiday|pto|leave|annual|paid|sick|hybrid|in-office|onsite|on-site) )(?:\w+ )?(?:time|days|weeks?|hours)\b(?! (?:in|at|with|of|off|from) )(?! (?:remote|pto|vacation|leave|holiday))",
     ("Could I have a bit more time to decide?", "I just need a few more days."),
     ("Could I get a few more remote days?",)),
    (r"\b(?:sleep on it|sit with (?:it|this|the offer)|think (?:it|this|things) over|mull (?:it|this) over|think about it|think it through|think this through|consider it|talk it over|discuss it with)\b(?! (?:by|on|over|via) (?:the |a )?(?:phone|call|zoom|video|teams))(?! with you)",
     ("Can I sleep on it and get back to you tomorrow?", "I'd like to talk it over with my wife."),
     ("I'd like to talk it over with you on Friday.",)),
    (r"\b(?:i|i'll|i'd|i will|i can|i could|let me|me|to) (?:\w+ ){0,2}(?:get|gets|getting|got|come|came|coming) back to (?:you|u)\b|\bcircle back\b|\bback in touch\b|\b(?:get|have|take|took|had|got|give me|gimme) (?:\w+ )?(?:till|until|til|through|over) (?:the weekend|monday|tuesday|wednesday|thursday|friday|next|the weekend|end of)",
     ("I'll get back to you by Friday.", "Could I have until Monday?"),
     ("Thanks for getting back to me so quickly.",)),
    (r"\b(?:give you|send you|have) (?:an|my) (?:final )?answer (?:by|next|after|on|early|later|in)\b",
     ("I'll give you an answer by Friday.", "I'll have my final answer early next week."),
     ("I'll give you an answer now.",)),
    (r"\bbefore (?:i|we) (?:give you (?:a|my) (?:final )?answer|decide|commit|lock in)\b",
     ("I'd like to talk to my family before I decide.", "I need to see it in writing before we lock in."),
     ("Before we begin, thank you for the offer.",)),
    (r"\b(?:hold|holding) off\b|\bpause (?:the|on)\b|\bput (?:the|it|this) on hold\b",
     ("I'd like to hold off on signing until next week.", "Could we put it on hold for a few days?"),
     ("I'll hold on to the paperwork.",)),
    (r"\b(?:rather not|don't want to|didn't want to|prefer not to) rush\b|\bwithout rushing\b|\bno rush on my end\b",
     ("I'd rather not rush such a big decision.", "No rush on my end, but could I have the weekend?"),
     ("I'm in a rush to get this signed.",)),
    (r"\b(?:extend|extension|extending|push back|push) (?:\w+ ){0,2}(?:the )?(?:deadline|decision date|response date|offer expiry|answer)\b|\bextension\b",
     ("Could we extend the deadline to Friday?", "Would a short extension be possible?"),
     ("Could we push the start date to May?",)),
    (r"\b(?:hard|firm|fixed|strict) (?:deadline|date)\b|\b(?:is|are) (?:the )?(?:\w+ )?(?:date|deadline) (?:firm|fixed|flexible)\b|\bflexibility (?:there|on the deadline|on timing|on the date)",
     ("Is the Friday deadline firm?", "Is that a hard deadline?"),
     ("The deadline is Friday.",)),
    (r"\b(?:time|weekend|week|night|days?|while) to (?:think|decide|consider|mull|reflect|sleep|talk it over|weigh)\b|\b(?:the |a |this )?weekend to (?:go over|look over|go through|digest)\b",
     ("I'd appreciate the weekend to think it over.", "Could I have a few days to decide?"),
     ("It took a week to hear back.",)),
    (r"\b(?:offer|deadline) (?:\w+ ){0,2}(?:stay|remain|be kept|be held) (?:open|valid|live|on the table)\b|\bkeep the offer open\b|\bhold the offer\b|\bextend the offer\b",
     ("Could the offer stay open until Monday?", "Would you be able to hold the offer for a week?"),
     ("Is the offer still valid?",)),
    (r"\bhold (?:my |the )?(?:start date|offer|position|role|place|spot|seat) open\b",
     ("Could you hold the position open for another week?",),
     ("Could you hold the position for another week?",)),
    (r"\blonger to (?:decide|think|consider|respond|answer|confirm|reply)\b|\b(?:a little|a bit|slightly|a few days) longer\b",
     ("Could I have a little longer to think?", "Could I take a bit longer to respond?"),
     ("The commute would be a little long.",)),
    (r"\brun (?:it|this|things|the offer) (?:past|by) (?:my|the)\b|\bcheck with my (?:partner|wife|husband|family|spouse)\b",
     ("I need to run it past my partner first.", "I want to check with my wife before I sign."),
     ("I'll run the numbers by the end of the day.",)),
    (r"\bbreathing (?:room|space)\b|\bbefore i (?:make|give|reach) (?:a |my |the )?(?:final )?(?:decision|answer|call)\b",
     ("I just need a bit of breathing room on this.", "I want to see the full package before I make a final decision."),
     ("I made my decision last night.",)),
    (r"\bwith a clear head\b|\bafter the holidays\b|\b(?:need|want|like) (?:some )?time\b",
     ("I'd like to look at it again with a clear head.", "I'll need some time with this."),
     ("I'm ready to sign now.",)),
    (r"\b(?:later|next) (?:this|next)? ?week (?:to (?:decide|confirm|respond|answer))",
     ("Could I come back to you next week to confirm?", "Is it ok if I wait until later this week to decide?"),
     ("Let's meet next week to discuss.",)),
    (r"\b(?:have|get|take|need|give me) (?:until|till|til|'til) (?:the )?(?:end of|weekend|\d)|\bto make (?:up )?my (?:mind|decision)(?: up)?\b",
     ("Could I have until the end of the week?", "I need a few days to make up my mind."),
     ("I've made up my mind.",)),
    (r"\b(?:can|could|may) i (?:let you know|get back to you|confirm|revert|come back to you|give you (?:my|an) answer) (?:on |by |next |early |later )?(?:monday|tuesday|wednesday|thursday|friday|tomorrow|next week|the weekend|the \d+\w*)\b",
     ("Could I let you know on Monday?", "Can I get back to you tomorrow?"),
     ("Can I let you know what I think now?",)),
    (r"\b(?:need|needs|like|want|take|have|get|give me) (?:a (?:few|couple(?: of)?)|two|three|several|some) (?:more )?(?:days?|weeks?|nights?) (?:to|before|so)\b",
     ("I need a couple of days to think it through.", "Could I take two more days before answering?"),
     ("I need two days off in June.",)),
    (r"\b(?:could|can|may|might) i (?:\w+ )?(?:respond|reply|answer|decide|confirm|revert|give you (?:my|an) answer)\b[^.?!]{0,20}\b(?:by|on|after|before|until|till|next|early next|end of)\b|\bif i (?:respond|reply|answer|decide|confirm|revert) (?:\w+ )?(?:by|on|after|next|until|till)\b",
     ("Could I respond by Friday?", "Would it be ok if I confirm next week?"),
     ("Could I respond to a few of your points?",)),
    (r"\b(?:any|some|is there|have|much) (?:\w+ )?(?:flexib\w*|give|wiggle room|leeway|room|movement) (?:\w+ ){0,2}(?:on|around|with|about) (?:the |my |your )?(?:\w+ )?(?:deadline|timing|timeline|decision date|response date|date to (?:decide|respond))\b|\b(?:a|one|two|a few|a couple of) (?:more )?(?:days?|weeks?) more\b",
     ("Is there any flexibility on the deadline?", "Could I have a few days more?"),
     ("Is there any flexibility on the base?",)),
    # When the answer will come, said rather than asked: "I will revert in two
    # days", "I'll decide by Thursday", "let me respond by Thursday",
    # "tomorrow evening I will revert back to you".
    (r"\blet me (?:\w+ ){0,2}(?:revert|reply|respond|answer|decide|confirm|come back|get back)(?: back)?(?: to you| you)? (?:by|in|on|within|after|tomorrow|next|end of|eod|early next|later this)\b|\b(?:i(?:'ll| will) (?:decide|answer|reply|respond|revert)|i(?:'ll| will) (?:\w+ ){0,2}(?:reply|revert)) (?:by|on|before|after|in) (?:\w+ )?(?:monday|tuesday|wednesday|thursday|friday|weekend|end of|eod|wk|week|\d+|two|three|a few|a couple)\b(?=[^.!]*\?|\W*(?:ok|okay|if that'?s? ok|alright)\W*\?)",
     ("Could you put the counter in writing and let me respond by Thursday?", "I'll decide by Thursday. OK?", "can u send it over and i'll reply by end of wk?"),
     ("I'll decide by Friday. Firmly.", "I need an answer on the signing bonus by Friday.")),
    # Hours or days asked for: "48 hours to decide", "gimme 48 hrs once its in
    # writing", "give me like forty eight hours".
    (r"(?:^|[.!?] ?)(?:\d+|twenty[- ]four|forty[- ]eight|seventy[- ]two|a couple of|a few|two|three) (?:more )?(?:hours|hrs|days)\b (?:to (?:decide|think|consider|reflect|review|look)|once|after (?:i|it|you)|before i)\b|(?:(?:^|[.!?,] ?|\band |\b(?:can|could|would) you |\bplease |\bjust )(?:give me|gimme)|\b(?:i need|can i (?:have|get)|could i (?:have|get))) (?:like |maybe |about |just )?(?:\d+|twenty[- ]four|forty[- ]eight|seventy[- ]two|a couple of|a few|two|three|a) (?:more )?(?:hours|hrs|days|nights?|weeks?)\b(?! (?:in|at|of|off|a week|per week|remote|wfh|from home|office)\b)",
     ("48 hours to decide, once it's in writing.", "gimme 48 hrs once its in writing?", "could you send it in writing and give me like forty eight hours"),
     ("I need two days in the office.", "kinda rude to give me 48 hrs to decide on a return offer tbh")),
    (r"\b(?:not|won't|don't want to|prefer not(?: to)?|rather not|can't) (?:be )?(?:decid\w*|commit\w*|sign\w*)(?: anything)? (?:on|in|during|over) (?:this|the) (?:call|phone|spot)\b|\bnot deciding (?:today|now|on this call|yet)\b",
     ("Not deciding on this call.", "I prefer not decide in the phone."),
     ("I decided on the phone yesterday.",)),
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
_OPTION = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\bwhat if (?:i|we|you|the|my|part)\b",
     ("What if I started remotely for the first month?", "What if we split the relocation cost?"),
     ("What is the bonus structure?",)),
    # a substitute term: "would a signing bonus be possible instead?"
    # (not a date: "would a January start be doable instead?" is a later start)
    (r"\b(?:would|could|can|might) (?:a |an |the |some )?(?:(?!start\b|date\b|deadline\b)[\w-]+ ){0,3}(?:be possible|work|be an option|be on the table|be doable) instead\b",
     ("Would a signing bonus be possible instead?", "Could extra PTO work instead?"),
     ("Would a January start be possible instead?",)),
    (r"\b(?:how|what) (?:about|abt|bout) (?:i|we|if|this|a|an|the|\w+ing)\b",
     ("How about a bigger signing bonus?", "What about splitting the difference?"),
     ("How much is the bonus?",)),
    (r"\bsplit (?:arrangement|week|schedule|role|setup|model)\b|\bhalf (?:the|my) (?:week|time|month) in\b|\b(?:each|both) office",
     ("Could I do a split week between the two offices?", "Maybe half the week in Denver?"),
     ("The week is split between meetings.",)),
    (r"\bif (?:the |you |we |it |my )[^,.?!]{0,40}\b(?:can|could|would)\b(?! not)[^,.?!]{0,30}, (?:then )?i (?:could|can|would be (?:happy|willing|able)|'d be (?:happy|willing|able)|'m happy|am happy)\b",
     ("If you could cover the relocation, I could start in March.", "If the base could go to 130, then I would be happy to sign."),
     ("If you can't move on base, I understand.",)),
    (r"\b(?:perhaps|maybe) (?:i|we) (?:could|can) (?:spend|split|do|take|work|start|begin|base|try|come|fly)\b|\b(?:\w+|\d) days? (?:a|per) week in (?:\w+ ){0,2}and (?:\w+|\d|the rest)\b",
     ("Perhaps we could split the relocation cost?", "Three days a week in the office and the rest from home?"),
     ("Maybe we should wait and see.",)),
    (r"\bif i (?:\w+ ){0,4}(?:at my own (?:cost|expense)|pay for|cover (?:the|my)|take a (?:lower|smaller)|accept a (?:lower|smaller)|give up|forgo|waive|skip)\b",
     ("If I cover the moving costs myself, could we do a later start?", "If I give up the signing bonus, could the base go up?"),
     ("If I start in May, could I get more PTO?",)),
    (r"\blet's (?:split|try|say|meet)\b|\bsplit (?:it|the difference|the gap)\b|\b(?:base|salary) of \$?\d+k? (?:plus|and|with) (?:a |an )?(?:\w+ )?(?:bonus|equity|stipend|pto|review)\b",
     ("Let's split the relocation cost.", "A base of 120k plus a signing bonus would work."),
     ("Let's see what the team thinks.",)),
    (r"\b(?:phased|staggered|gradual|part-time) (?:start|return|move|transition|schedule|relocation|first)\b|\bcould we agree\b",
     ("Could we do a phased start over the first month?", "Could we agree on 125?"),
     ("We agreed on the start date already.",)),
    (r"\bwould (?:that|this|it) (?:make (?:it|this|that) )?(?:be )?(?:workable|worth exploring|acceptable|help)\b",
     ("Would that be workable for you?", "Would it help?"),
     ("Would that be possible?",)),
    (r"\b(?:one|another|an|a possible|a) (?:option|idea|possibility|alternative|thought|compromise|middle ground)(?: could be| would be| is| might be)?\s*[:,-]|(?:^|[.!?] )(?:option|idea|proposal|suggestion|alternative|compromise|counter-?proposal)\s*[:-]",
     ("One option: I start remotely and move in June.", "Compromise - 125 base and a review at six months."),
     ("That's one option I hadn't considered.",)),
    (r"\b(?:in exchange|in return)\b|\btrade(?:-off| off)\b|\btrade (?:[\w'$%.,-]+ ){1,6}for\b|\bswap(?:s|ped|ping)?\b|\b(?:exchanged|traded|converted) (?:for|into)\b",
     ("I'd be open to a lower base in exchange for more equity.", "Could we swap the signing bonus for extra PTO?"),
     ("I'm happy to exchange contracts on Friday.",)),
    # Laying out routes: "Two routes I can see: ...", "a few options -".
    (r"\b(?:two|three|a few|a couple of|some|my) (?:possible )?(?:options|routes|ways|paths|ideas|possibilities|alternatives|approaches|scenarios)(?: (?:i|we) (?:can|could) see| here| to consider| forward)?\s*[:-]",
     ("Two options I can see: a higher base or a bigger bonus.", "A few ideas here - remote Fridays or a later start."),
     ("There are a few options for the start date.",)),
    (r"\b(?:close|narrow|shrink|cut|get|bring) (?:\w+ ){0,5}and i(?:'ll| will)? (?:sign|accept|say yes|commit|join)\b",
     ("Close the gap to 130 and I'll sign today.", "Get me to 125 and I will accept."),
     ("Close the gap and we can talk.",)),
    # Splitting a payment: "half on signing, half at six months".
    (r"\bsplit(?:ting)? (?:the|my) (?:\w+ )?(?:bonus|payment|relocation|equity|raise|increase)\b|\bhalf (?:on|at|up ?front|now)\b[^.?!]{0,30}\bhalf (?:on|at|after|later|in)\b",
     ("Could we split the signing bonus over two years?", "Half on signing, half at six months?"),
     ("Could we split the week between offices?",)),
    (r"\b(?:another|one|an alternative|a possible|a different) (?:option|idea|possibility|alternative|approach|compromise) (?:might|could|would) be\b",
     ("Another option could be a later start.", "One idea might be a six-month review."),
     ("Another option is fine.",)),
    (r"\b(?:meet (?:you |me |us )?(?:halfway|in the middle)|split the difference|middle ground)\b",
     ("Could we meet in the middle at 125?", "Is there some middle ground on the base?"),
     ("Could we meet in the office?",)),
    (r"\bwould it help if i\b|\bwould it make (?:it|things|that) easier if\b|\bif it (?:helps|would help|makes it easier)\b",
     ("Would it help if I started a month later?", "If it helps, I can be flexible on the start date."),
     ("It helps to know the timeline.",)),
    (r"\bif it's (?:simpler|easier|cheaper) for you\b",
     ("If it's easier for you, I can start remotely.",),
     ("It's easier for me to start in May.",)),
    (r"\b(?:i could|i can|i'd be (?:happy|willing|glad) to|i'm (?:happy|willing|glad) to|i would be (?:happy|willing) to)\b[^.?!]{0,100}?\b(?:if|as long as|provided|so long as) (?:we|you|the|your|i (?:could|can|might)|my \w+ (?:could|can))\b",
     ("I could start in March if you could cover the flights.", "I'd be happy to sign today as long as the base is 130."),
     ("I could start in March if needed.",)),
    (r"\b(?:accept|take|do|sign|agree to) (?:the )?(?:\$?\d+k?|it|that|this|the \w+(?: \w+)?) (?:\w+ )?(?:if|as long as|provided) \b",
     ("I'd accept 125k if the bonus stays.", "I'll sign it today if you can confirm the start date."),
     ("I'll sign it today.",)),
    (r"\b(?:start|begin|base myself|work|do|spend|complete|finish|stay|onboard|train) (?:\w+ ){0,7}(?:and|then|,) (?:\w+ ){0,3}(?:transfer|move|relocate|shift|switch|fly|come in)\b",
     ("I could start in London and then transfer to Denver after six months.", "Could I do the first quarter remotely and then relocate?"),
     ("I'd like to start in London and stay there.",)),
    (r"\b(?:with|and|plus|then) (?:a |an )?(?:formal |salary |pay |performance |compensation |guaranteed )?review (?:after|in|at|once|of|by|when)\b|\bwith the (?:\w+ )?(?:base|salary|bonus|equity|title|start date|relocation|package) (?:as (?:offered|is|it is|proposed)|unchanged|where it is)\b",
     ("I'd accept 120 with a review after six months.", "Keep it with the base as offered, but add a signing bonus."),
     ("I had a performance review last week.",)),
    (r"\b(?:first|for) (?:\w+ ){0,3}(?:year|months?|quarters?|project|weeks?) (?:\w+ ){0,5}(?:then|and then|after which|before) (?:\w+ ){0,2}(?:move|transfer|shift|relocate|switch)",
     ("I'd work in Austin for the first six months and then move to Denver.", "First year in London before I transfer to Denver."),
     ("For the first year I'd like to stay in London.",)),
    (r"\b(?:move|transfer|shift|relocate|switch) (?:\w+ ){0,4}(?:once|when|after|as soon as) ",
     ("I'd relocate to Denver once the project wraps up.", "Could I transfer after the first year?"),
     ("I'd like to transfer to Denver.",)),
    (r"\b(?:trial|pilot|test run|trial period)\b",
     ("Could we do a three-month trial of remote work?", "Maybe a pilot for the first quarter?"),
     ("Could we try remote work for a while?",)),
    (r"\bsplit (?:my|the) time\b|\bhot-?desk\w*\b",
     ("I could split my time between the two offices.", "Would hot-desking in the Austin office work?"),
     ("I'd like my own desk in the office.",)),
    (r"\b(?:other|different) levers\b|\bwhatever is easiest (?:on|for) your side\b",
     ("Are there other levers we could pull?", "Whatever is easiest on your side works for me."),
     ("Are there other benefits I should know about?",)),
    (r"\b(?:come in|start|join) at (?:the )?(?:current|same|existing|offered|your) (?:base|salary|number|level)\b",
     ("I could come in at the current base if the title changes.", "I'd join at the offered salary with a review at six months."),
     ("I'd join at the Denver office.",)),
    (r"\b(?:instead of|rather than|in place of|in lieu of) (?:a |an |the |my |any |upfront |more )?(?:higher |bigger |larger |extra |upfront )?" + _COMP,
     ("Could I get extra PTO instead of a higher base?", "I'd take more equity in place of the bonus."),
     ("I'd rather start in March than April.",)),
    (_COMP + r" (?:\w+ ){0,4}(?:instead of|rather than|in place of|in lieu of) (?:a |an |the |my |upfront )?(?:higher |bigger |larger )?(?:signing |sign-on |retention |annual )?" + _COMP,
     ("Could we do more equity instead of a signing bonus?", "I'd prefer extra vacation rather than a bigger bonus."),
     ("I'd prefer to start in London instead of Denver.",)),
    (r"\b(?:could|can) (?:part|some) of (?:the|it|that)\b",
     ("Could part of the bonus be paid up front?", "Can some of that go into equity?"),
     ("Could part-time work be an option?",)),
    (r"\b(?:agree|put it) in writing\b|\bfirst (?:pick|dibs|refusal)\b|\bguaranteed review\b|\b(?:six|6|12|twelve|three|3)-month (?:salary |pay |comp |compensation |performance )?(?:review|check-in)\b",
     ("Could we put it in writing that I'd get a six-month review?", "I'd want first refusal on the Denver role."),
     ("Could you send the offer in writing?",)),
    (r"\bif the (?:base|salary|number|budget|band|location|office) (?:can't|cannot|is fixed|won't|doesn't)\b",
     ("If the base can't move, could we look at the bonus?", "If the budget is fixed, what about equity?"),
     ("If the base can move a little, great.",)),
    (r"\bi could (?:base myself|skip|split|pay|fly|commute|relocate|come in)\b",
     ("I could commute from Boulder twice a week.", "I could relocate by June."),
     ("I couldn't relocate until next year.",)),
    (r"\b(?:lower|smaller|reduced|less|cheaper) (?:\w+ )?(?:base|salary|relocation|bonus|payment|package|pay|number|stipend|allowance)\b[^.?!]{0,40}\b(?:if|in exchange|in return|so long as|provided)\b",
     ("I'd accept a lower base if the equity were higher.", "A smaller relocation package in exchange for a later start?"),
     ("The lower base is a concern for me.",)),
    (r"\b(?:i'd|i would|i could|i can|i'm willing to|i'd be willing to|happy to) (?:\w+ )?(?:take|accept|give up|forgo|skip|waive|drop) (?:a |the )?(?:lower|smaller|reduced|less|the relocation|the bonus|the signing)\b",
     ("I'd take a lower base for more equity.", "I'm willing to give up the signing bonus for remote Fridays."),
     ("I'd take the offer as it is.",)),
    (r"\b(?:i'd|i would|i'll|i will|i can|i could|happy to) (?:\w+ ){0,1}(?:accept|sign|say yes|commit|agree)\b[^.?!]{0,30}\b(?:if|as long as|provided|so long as)\b",
     ("I'd sign today if the base were 130.", "I will accept as long as the start date moves."),
     ("I'd sign today.",)),
    (r"\bsomething we could try\b|\bworth a try\b|\bcould we (?:try|trial|pilot)\b|\btry it for\b",
     ("Could we try it for three months?", "A remote pilot is worth a try."),
     ("I'll try to get back to you.",)),
    (r"\bpay for my own\b|\bcover (?:my own|the cost myself)\b",
     ("I could pay for my own flights.", "I'd cover the cost myself."),
     ("Could you pay for my flights?",)),
    (r"\bmaybe i (?:can|could) (?:begin|start|work|do|take)\b",
     ("Maybe I could start remotely?", "Maybe I can take the Austin role first."),
     ("Maybe I could have more time?",)),
    (r"\b(?:four|4|three|3|nine|9)-day (?:week|fortnight) at\b|\bat (?:\d+ ?%|\d+ percent) (?:of )?(?:the |my |full )?(?:salary|pay|base)\b",
     ("What about a four-day week at 80% pay?", "I'd do it at 90% of the salary."),
     ("I'd like a four-day week.",)),
    (r"\b(?:higher|bigger|more|larger|lower|smaller|extra) (?:\w+ ){0,2}" + _COMP + r" (?:with|and|but|plus|on) (?:the )?(?:same|current|existing|original|unchanged) " + _COMP + r"\b",
     ("A higher base with the same bonus?", "Could we do more equity and the current salary?"),
     ("A higher base with a bigger bonus?",)),
    (r"\b(?:get me to|give me|make it|if you (?:can )?(?:do|get to|go to|match)) [^.?!]{0,30}\band i(?:'ll| will| can) (?:happily |gladly )?(?:drop|forget|forgo|waive|skip|give up|let go of)\b",
     ("Get me to 130 and I'll drop the relocation ask.", "Make it 125 and I'll forget the signing bonus."),
     ("Get me to 130 and I'll sign.",)),
    # trade one term for another: "less equity for a higher base"
    (r"\b(?:less|lower|smaller|fewer|reduced|no) (?:\w+ )?" + _COMP + r" (?:for|in exchange for|in return for) (?:a |an |more |higher |bigger |larger |extra )?(?:\w+ )?" + _COMP + r"\b",
     ("Less equity for a higher base would suit me.", "I'd take a smaller bonus in exchange for more PTO."),
     ("Less travel for the same base.",)),
    (r"\b(?:what would you think|how would you feel|what do you think) (?:of|about) (?:me|us|a|an|the idea|if)\b",
     ("What would you think of a later start?", "How would you feel about me working remotely on Fridays?"),
     ("What do you think the team needs?",)),
    (r"\b(?:i'm|i am|i can be|i'd be|i could be) (?:\w+ )?(?:flexible|open|easy|relaxed) (?:on|about|with) (?:the )?(?:\w+ )?" + _COMP + r"\b[^.?!]{0,40}\b(?:if|as long as|provided)\b",
     ("I'm flexible on the base if the equity goes up.", "I could be open on the relocation budget as long as the start date moves."),
     ("I'm flexible on the start date.",)),
    (r"(?:^|[.!?,;-] ?)(?:suppose|supposing|imagine|hypothetically|say),? (?:i|we|you)\b",
     ("Suppose I started in May, would that help?", "Hypothetically, we could revisit the base in six months."),
     ("I'd say the offer is fair.",)),
    (r"\b(?:one|another|a possible|an alternative|a different) (?:route|way|path|solution|workaround|avenue)(?: forward)? (?:might|could|would) be\b",
     ("Another way forward might be a later start.", "One solution could be a hybrid setup."),
     ("There's no other way forward.",)),
    (r"\bif (?:you|the company|the firm|we) (?:can|could) (?:\w+ ){0,6}(?:,? )?(?:then )?(?:i'll|i will|i'd|i would|i can) (?:\w+ )?(?:sign|accept|say yes|commit|join)\b",
     ("If you can do 130 then I'll sign today.", "If the company could cover the relocation I would accept."),
     ("If you can send the contract then I'll review it.",)),
)]


# A fallback offer: "if a higher base isn't doable, maybe a bigger bonus?".
_FALLBACK = rx(r"\bif [^,.?!]{0,40}\b(?:isn't|is not|can't|cannot|won't|not|no|capped|fixed|maxed(?: out)?|locked|frozen|set in stone)\b[^,.?!]{0,25}[,.]? (?:then )?(?:maybe|perhaps|could|would|what about|how about|i'd|i could)\b[^.?!]{0,60}?\b" + _COMP + r"\b",
               yes=("If the base is capped, maybe a bigger signing bonus?", "If a higher salary isn't possible, what about extra PTO?"),
               no=("If the base is capped, I understand.",))


_PROPOSAL_Q = rx(r"\b(?:what|how) about\b|\bwhat if\b|\b(?:what would you think|how would you feel|what do you think) (?:of|about)\b",
                 yes=("How about a later start?", "What if I took less equity?"),
                 no=("How much is the bonus?",))


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

_INTEREST_PHRASES = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\bwhat would (?:have to|need to|it take to) (?:be true|happen|change)\b",
     ("What would need to happen for a Denver transfer to be approved?", "What would have to change for the base to move?"),
     ("What would happen to my bonus if I left?",)),
    (r"\bwhat (?:would|does|do|will|did|are|is|'s) (?:\w+ ){0,4}(?:need|needs|look for|looking for|care about|value|want|hoping|hope|expect|lose|gain|prioriti[sz]e|worried|concerned|matter)",
     ("What does the team need most from this hire?", "What would the hiring manager care about most?"),
     ("What is the start date?",)),
    (r"\bwhat (?:matters|counts|drives)\b|\bwhat's (?:most )?important (?:to you|for)\b",
     ("What matters most to you in this hire?", "What's most important for the team right now?"),
     ("It's important to me that I can work remotely.",)),
    (r"\bhow (?:do|does|would|did|have|has|is|are) (?:\w+ ){0,4}(?:usually |typically |normally |generally )?(?:decide|decided|handle|handled|approach|approached|evaluate|think about|look at|set|work|determine|approve|weigh|prioriti[sz]e|go about)\b",
     ("How do you usually decide on starting salaries?", "How would the team approach a transfer request?"),
     ("How do I get to the office?",)),
    (r"\bhow (?:flexible|much room|much flexibility|open|strict|firm)\b",
     ("How flexible is the start date?", "How much room is there on the base?"),
     ("How much is the signing bonus?",)),
    # indirect: "how the mobility policy works", "how exceptions get decided"
    # (process words only: "how the bonus works" is a fact of the offer, no tag)
    (r"\bhow (?:the |your |a |an |these |those )?(?:[\w-]+ ){0,2}(?:policy|policies|process|procedure|exceptions?|approvals?|transfers?|committee|decisions?|mobility|sponsorship|hiring|promotions?) (?:\w+ ){0,3}?(?:works?|operates?|gets? (?:decided|approved|handled|set)|(?:is|are) (?:decided|approved|handled|set|run))\b",
     ("Could you explain how the mobility policy works?", "I'd like to understand how exceptions get approved."),
     ("Could you explain how the bonus works?",)),
    (r"\b(?:walk me through|tell me (?:more )?about|help me understand|explain) (?:how|what|the|who|your)\b",
     ("Could you walk me through how the bands are set?", "Help me understand what the team needs."),
     ("Thanks for walking me through it.",)),
    (r"\bwho (?:else )?(?:would|will|needs to|has to|gets to|makes|decides|signs|approves|is involved|weighs)\b(?! be my\b)",
     ("Who else would need to sign off on this?", "Who approves exceptions to the salary band?"),
     ("Who will be my manager?",)),
    (r"\b(?:are there|any|what are the|what's the biggest|what are your) (?:\w+ ){0,2}(?:constraints|concerns|priorities|limits|challenges|risks|worries|considerations)\b",
     ("Are there any constraints on the budget I should know about?", "What are your priorities for this role?"),
     ("Are there any other benefits?",)),
    (r"\bwhat (?:does|would|is|'s) (?:the|a|your) (?:\w+ ){0,3}(?:process|approval|cycle|band|range|norm|plan|criteria|timeline for approval|typical)\b",
     ("What is the approval process for a transfer?", "What does the typical salary band look like?"),
     ("What's the start date?",)),
    (r"\bwhat (?:does|would) (?:\w+ ){0,4}look like\b",
     ("What does a typical first year look like?", "What would the hybrid setup look like?"),
     ("What does the role involve?",)),
    (r"\b(?:is|are) (?:that|this|it|the (?:\w+ )?\w+|\w+) something (?:that )?(?:usually|typically|normally|you|people|the|we|candidates|new hires|folks)\b(?! (?:could|can|might|would|'d) )",
     ("Is that something people typically negotiate?", "Is relocation something the company usually covers?"),
     ("Is that something you could consider?",)),
    # Indirect: "I wonder what the team would need", "who actually decides".
    (r"\bwhat (?:the|your) (?:\w+ ){0,2}(?:would|will|does|do|might) (?:\w+ )?(?:need|want|expect|look for|care about|value|prioriti[sz]e)\b",
     ("I'd love to know what your team will value most.", "I wonder what the hiring manager would look for."),
     ("I know what the team would say.",)),
    (r"\bwho (?:actually|really|ultimately|normally|usually) (?:makes|decides|signs|approves|has)\b",
     ("Who actually makes the final decision?", "Who ultimately signs off on the package?"),
     ("Who actually joined the team last year?",)),
    (r"\bwhat (?:the|your) (?:\w+ ){0,2}(?:needs|wants|expects|values|prioriti[sz]es|cares about) most\b|\bwhat (?:criteria|factors|considerations|principles|guidelines)\b|\bbudget (?:ceiling|cap|limit)\b",
     ("Can you share what the team values most?", "What criteria do you use for leveling?"),
     ("What values does the company have?",)),
    (r"\bfrom (?:your|the firm's|the company's|the team's) (?:side|end|perspective|point of view),? (?:what|how|who|which|why)\b",
     ("From your side, what would make this easier?", "From the company's perspective, how does a transfer work?"),
     ("From my side, what matters is the base.",)),
    (r"\bhow (?:[\w']+ ){0,8}(?:usually|typically|normally|generally)\b|\bwhat(?:'s| is| would be) (?:\w+ )?(?:easier|easiest|simpler|best|better) (?:for you|on your|for the)\b",
     ("How are these requests usually handled?", "What's easiest for you in terms of timing?"),
     ("How are you doing today?",)),
    (r"\bwhat would make (?:that|it|this) (?:easier|work|possible|workable)\b",
     ("What would make that easier for the team?", "What would make this work on your end?"),
     ("What would make me happy is a higher base.",)),
    (r"\bwhat (?:would|could|might) work (?:on|for|from) (?:your|you)\b",
     ("What would work on your side?", "What could work for you on timing?"),
     ("What would work best for me is a March start.",)),
    (r"\bwhat (?:the|your) (?:\w+ ){0,2}most (?:needs|wants|values|expects)\b",
     ("I'm curious what the team most needs right now.",),
     ("I'm curious what the team needs.",)),
    (r"\bhow (?:have|has) (?:you|the company|the firm|the team) (?:\w+ ){0,2}handled\b|\bother new hires\b|\bin the past\b",
     ("How have you handled requests like this before?", "Has that happened in the past?"),
     ("I've handled negotiations like this before.",)),
    (r"\bhow is (?:\w+ ){0,3}(?:plan|hiring|headcount|growth|budget|team) (?:\w+ )?looking\b",
     ("How is the hiring plan looking for next year?", "How is the budget looking this quarter?"),
     ("How is the team doing?",)),
    (r"\bwhat (?:are you|is the team|is the firm) (?:hoping|looking|trying|planning)\b",
     ("What are you hoping to see from this hire?", "What is the team trying to achieve this year?"),
     ("What are you doing this weekend?",)),
    (r"\bwhat (?:the |your |this )?(?:[\w-]+ ){0,2}(?:is|are) (?:hoping|looking|trying|planning|aiming|working) (?:to|for|toward)\b",
     ("Can I ask what the team is hoping for?", "I'd like to know what the new team is trying to build."),
     ("What the team is doing is great.",)),
    (r"\bhow (?:\w+ ){0,3}(?:are|is|get|gets) (?:\w+ )?(?:set|determined|decided|worked out|agreed|approved|structured|benchmarked|banded|levell?ed)\b|\bhow (?:you|they|the (?:\w+ )?(?:team|company|firm|panel|committee)) (?:\w+ )?(?:weighs?|decides?|evaluates?|sets?|determines?|approach(?:es)?|balances?|prioriti[sz]es?|thinks? about)\b",
     ("How does the base get decided?", "I'd like to know how the hiring committee weighs experience."),
     ("How does the base compare to the market?",)),
    (r"\bwhat would it take\b|\bis (?:it|that|this) (?:more )?(?:a|an) (?:\w+ ){0,2}(?:thing|issue|question|constraint|problem|matter|concern) or (?:a |an )?(?:\w+ ){0,2}(?:thing|issue|question|constraint|problem|matter|concern)\b",
     ("What would it take to get to 130?", "Is that a budget issue or a policy issue?"),
     ("Is that a budget issue?",)),
    (r"\b(?:is|would) (?:it|that|this) (?:be )?(?:\w+ )?(?:normal|usual|common|typical|standard|customary|unusual|expected|frowned upon) (?:for|to|here|at|around)\b",
     ("Is it normal for new hires to negotiate the base?", "Would it be unusual to ask for a later start?"),
     ("Is it normal?",)),
    (r"\bwhat (?:flexibility|room|leeway|latitude) (?:do|does|is there|would|could|there is)\b|\bwhat(?:'s| is) (?:typical|normal|standard|usual|customary)\b",
     ("What flexibility is there on the start date?", "What's typical for relocation at this level?"),
     ("What flexible options do you offer?",)),
    # Who holds the decision: "Counteroffer approval is with whom?"
    (r"\bwith whom\b|\bwhose (?:decision|call|approval|sign-?off)\b|\b(?:approval|decision|sign-?off) (?:is |lies |rests |sits )?with (?:who|whom)\b",
     ("Counteroffer approval is with whom, sir?",),
     ("I spoke with whoever was on call.",)),
    # What worries them: "so which projects are you most worried about if I leave"
    (r"\b(?:which|what) (?:\w+ ){0,3}(?:are|is|would|do|does) you (?:\w+ )?(?:most )?(?:worried|concerned|nervous) about\b",
     ("so which projects are you most worried about if I leave",),
     ("I'm worried about the commute.",)),
)]


# An open question (wh- or "is there anything") whose words are about the
# organisation's needs, constraints, process or norms.
_OPEN_Q = rx(r"(?:^|[.!?,:]\s*|\b(?:so|and|also|but|like|then|wonder|wondering|curious)\s+)(?:what|how|who|which|why|where|is there anything|are there any|can you (?:tell me|explain|share)|could you (?:tell me|explain|share|give me an idea of)|(?:may|can|could) i (?:ask|know) (?:what|how|who|which|why|whether))\b",
             yes=("How do you usually handle this?", "Thanks. Who makes the final call?"),
             no=("Thanks for the update, I'm happy with that.",))
_INTEREST_TOPIC = rx(
    r"\bshould (?:\w+ )?(?:include|contain|cover|address|show)\b|\b(?:needs?|needed|constraints?|priorit\w*|process|procedure|approv\w*|decid\w*|decision|sign(?:s|ed)? off|"
    r"usually|typically|normally|generally|standard|typical|normal|usual|common|customary|norms?|concerns?|worr\w*|"
    r"obstacles?|hurdles?|blockers?|barriers?|sticking points?|challenges?|risks?|matters? most|goals?|looking for|look for|"
    r"hoping|care (?:about|most)|value|headcount|plans?|tends? to|do(?:es)? well|succeed\w*|thrive\w*|kind of person|type of person|profile|approach\w*|requests? from|people who|criteria|handled?|easier|lose|gain|success|expect\w*|"
    r"flexib\w*|leeway|latitude|other (?:people|candidates|hires|new hires|employees|folks|starters)|people in (?:this|the|my|similar) (?:role|position|level|grade|team)|new hires|set|determined|negotiat\w*|"
    r"driv\w*|behind (?:it|that|this|the)|reasoning|rationale|hesitat\w*|reluctan\w*|hold-?up|on your (?:side|end)|from your (?:side|end)|"
    r"stall\w*|delay\w*|defer\w*|postpon\w*|stopped|held up|fell through|go through|make sure|be sure|ensure|"
    r"holding (?:\w+ ){0,3}back|stopping|standing in the way|balance[sd]?|workload|pressures?|headaches?|pain points?|struggl\w*|bottlenecks?|gaps?|keeps? you up|weigh\w*|want\w* from|ideal|(?:have|has) a say|final say|weigh in|involved|in charge|call the shots|(?:see|view|react to|feel about|think about|perceive|receive) (?:a |the |this |that |my )?(?:request|change|move|ask|proposal|idea))\b",
    yes=("What's the approval process for that?", "What are the team's main priorities?"),
    no=("Can I get the offer in writing?",),
)


def asks_interests(m: Message) -> Span | None:
    span = _asks_interests_phrase(m) or constraint_question(m)
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


_THANKED_FOR = rx(r"\b(?:thanks?|thank you|appreciate\w*|grateful(?! to (?:hear|know|learn|understand)))\b[^.?!]{0,40}$",
                  yes=("Thanks for walking me through", "I really appreciate you explaining that"),
                  no=("I was grateful to hear back so quickly",))


def _asks_interests_phrase(m: Message) -> Span | None:
    if not m.is_question and not re.search(r"\b(?:(?:which|what) (?:\w+ ){0,3}(?:are|is|would|do|does) you (?:\w+ )?(?:most )?(?:worried|concerned|nervous) about|walk me through|help me understand|tell me (?:more )?about|curious (?:how|what|about)|(?:like|want|trying|keen|hoping|interested|grateful|glad|happy) to (?:understand|know|learn|get a sense of|hear) (?:how|what|who|why|which)|(?:kindly |please )?(?:advise|tell me) (?:what|how|who|which)|(?:wanted|want|would like|'d like|meant|was going) to ask (?:you )?(?:how|what|who|why|which|whether|if))\b", m.norm):
        return None
    for span in m.iter_matches(_INTEREST_PHRASES, negatable=True, window=3):
        sa, sb = m.sentence_at(span[0])
        sent = m.norm[sa:sb]
        # "thanks for walking me through the benefits" looks back.
        if _THANKED_FOR.search(m.norm, sa, span[0]):
            continue
        # Questions about a plain fact of the offer need a norm/process word.
        if "?" in sent or re.search(r"(?:which|what) (?:\w+ ){0,3}(?:are|is|would|do|does) you (?:\w+ )?(?:most )?(?:worried|concerned|nervous) about|walk me through|help me understand|tell me|curious|to (?:understand|know|learn|get a sense of|hear) (?:how|what|who|why|which)|(?:advise|tell me) (?:what|how|who|which)|to ask (?:you )?(?:how|what|who|why|which|whether|if)", sent):
            return span
    return None


# ---------------------------------------------------------------------------
# specific_ask
# ---------------------------------------------------------------------------

_SPECIFIC = [rx(p, yes=y, no=n) for p, y, n in (
    # "could I be placed in / work out of / transfer to ..."
    (r"\b(?:be |get |being )?(?:placed|based|posted|assigned|stationed|located|moved|transferred|relocated|seated) (?:in|at|to|out of|with) (?!(?:the )?same\b)",
     ("Could I be based in the Denver office?", "I'd love to get transferred to Austin."),
     ("I'd stay based in the same office.",)),
    (r"\b(?:work|working|start|starting|sit|sitting|be|being|join|joining) (?:\w+ ){0,2}(?:out of|from|in|at) (?:the |your |our )?(?:\w+ )?(?:office|branch|site|hub|location)\b",
     ("Could I work out of the Austin office?", "I'd like to start at the Denver branch."),
     ("I'd like to work from home.",)),
    (r"\b(?:transfer|move|switch|reassign\w*|relocat\w*) (?:me |myself )?(?:(?!easier|harder|simpler|quicker)\w+ ){0,2}(?:to|into) (?:the |your )?(?!approve\b|justify\b|sell\b|happen\b)\w+",
     ("Could you transfer me to the Denver office?", "I'd love to relocate to Austin next year."),
     ("That would make the move easier to approve.",)),
    (r"\b(?<!were\s)(?<!was\s)(?:be |get )?(?:placed|based|posted|assigned|transferred|moved|relocated|stationed) (?:there|here|over there)\b",
     ("Could I be based there instead?", "I'd love to get posted there."),
     ("Most of the team was based there last year.",)),
    (r"\b(?:placement|posting|assignment|location|office|seat) (?:\w+ ){0,3}(?:changed|moved|switched|instead|rather)\b",
     ("Could my placement be changed to Denver?", "Could the office be Austin instead?"),
     ("The office is lovely.",)),
    (r"\b(?:\w+ )?(?:office|branch|location|city) (?:\w+ ){0,6}(?:instead|rather than)\b",
     ("Could I work from the Denver office instead?", "Would a different city rather than London be possible?"),
     ("The Denver office is great.",)),
    (r"\b(?:office|branch|location|site|placement|posting) (?:would|might|could) (?:be|suit me) (?:\w+ )?(?:ideal|perfect|great|better|preferable|best|my preference)\b",
     ("The Denver office would be ideal for me.", "A Boston posting might suit me better."),
     ("The office would be closed on Fridays.",)),
    (r"\b" + OFFICE_LIKE + r" (?:\w+ )?(?:is|be|could be|would be|might be) (?:\w+ )?(?:an option|possible|doable|workable|feasible)\b",
     ("Would the Austin office be an option?", "A Denver placement would be feasible for me."),
     ("The office is open until six.",)),
    (r"\b(?:any|some|more|is there) (?:room|flexibility|wiggle room|movement|give|leeway) (?:\w+ ){0,2}(?:on|in|with|for|around) (?:the |my |your )?(?:\w+ )?" + TERM,
     ("Is there any flexibility on the base?", "Any room on the signing bonus?"),
     ("Is there any room for growth in the team?",)),
    (r"\b(?:increase|raise|bump|bring|move|push|get|go|come) (?:\w+ ){0,3}(?:up |closer )?to \$?\d(?:[\d,]|\.\d)*k?",
     ("Could you bring the base up to 130k?", "Is there any way to get closer to $125,000?"),
     ("Could you bring the contract to the meeting?",)),
    (r"\b(?:increased|raised|bumped|improved|adjusted|revisited|sweetened|matched) (?:to|up|at all|a bit|by)\b|\bcould (?:it|that|the \w+) be (?:increased|raised|bumped|improved|higher)\b",
     ("Could the base be increased at all?", "Could it be raised to 130?"),
     ("The base was set at 120.",)),
    # Passive requests: "if the base could be revisited", "that a placement
    # in Denver can be arranged".
    (r"\b(?:base|salary|pay|bonus|equity|offer|package|number|title|relocation|allowance|start date)\b (?:\w+ ){0,2}(?:could|can|might|may|would) be (?:\w+ )?(?:revisited|reviewed|reconsidered|adjusted|nudged|sweetened|increased|raised|improved|looked at again|topped up|covered|extended|matched)\b",
     ("I was hoping the base could be revisited.", "I wonder if the salary might be adjusted a little."),
     ("The salary could be paid monthly.",)),
    (r"\b(?:placement|posting|transfer|move|relocation|secondment|remote \w+|hybrid \w+|raise|increase|bump) (?:\w+ ){0,3}(?:can|could|might|may) be (?:arranged|approved|agreed|granted|found|organi[sz]ed|made to work)\b",
     ("Do you think a transfer could be arranged next year?", "I hope a Denver placement can be approved."),
     ("The transfer was approved last year.",)),
    # A counter figure on a live call: "can we do 5 instead?", "could you do 130?"
    (r"\b(?:can|could) (?:we|you) (?:do|make it|go to|meet at|settle on|land on|stretch to) \$?\d[\d,.]*k?\b",
     ("Could we do 125?", "Can you stretch to 130k?"),
     ("Could we do Tuesday?",)),
    (r"\b(?:base|salary|bonus|equity|pay) (?:up )?to \$?\d[\d,.]*k?\b",
     ("I'd like the base up to 130k.", "Could we move the salary to $125,000?"),
     ("The base is fine.",)),
    # Subjunctive requests: "(I propose) that the allowance be increased to".
    (r"\b(?:base|salary|pay|bonus|equity|offer|package|title|relocation|allowance|stipend|start date) be (?:increased|raised|revised|adjusted|changed|moved|set|improved|extended|covered|revisited|matched)\b",
     ("I'd propose that the relocation allowance be increased.", "I ask that the title be changed to Senior Engineer."),
     ("The salary will be paid monthly.",)),
    (r"\b(?:close|narrow|shrink|cut) (?:the|that|this) (?:gap|delta|difference|spread)\b",
     ("Could we close the gap a little?", "Is there a way to narrow that difference?"),
     ("I'm trying to close the deal this week.",)),
    (r"\b(?:closer to|at least|more like|something like|hoping for|asking for|ask for|aiming for|looking for|request) (?:a |an )?\$?\d(?:[\d,]|\.\d)*k?",
     ("I was hoping for 130k.", "Could we land closer to $125,000?"),
     ("I was hoping for a higher base.",)),
    (r"\bask(?:ing)? for (?:a |an |the |more |\d|\$|two|three|one|some|extra|higher|additional)",
     ("I'm asking for a modest increase.", "I wanted to ask for more equity."),
     ("I didn't ask for this.",)),
    (r"\b(?:higher|bigger|better|larger|more) (?:base|salary|number|offer|bonus|pay|equity|title|package|relocation|budget)\b",
     ("I'd like a higher base.", "Is a bigger bonus possible?"),
     ("The base is higher than I expected.",)),
    (r"\b(?:match|beat|meet|top) (?:it|that|this|their|theirs|the offer|what)\b",
     ("Could you match their offer?", "Can you beat that?"),
     ("I'd love to meet the team.",)),
    (r"\bholding (?:at|firm at|out for)\b|\b(?:i need|i'd need|i want) (?:at least )?\$?\d(?:[\d,]|\.\d)*k?",
     ("I'm holding at 130.", "I need at least $125k."),
     ("I need a day to think.",)),
    (r"\b(?:title|role) (?:\w+ ){0,3}(?:to be|be|to say|changed to|as|of) (?:\w+ ){0,2}(?:senior|lead|principal|manager|director|staff|head)\b|\bsenior title\b",
     ("Could the title be Senior Engineer?", "I'd like my role to be listed as Lead Designer."),
     ("The title is fine as it is.",)),

    (r"\b(?:relocation|moving) (?:\w+ )?(?:budget|package|support|assistance|allowance|stipend|costs|expenses|help|bonus)\b",
     ("Is there any relocation budget?", "Could you help with moving costs?"),
     ("I'm moving next month.",)),
    (r"\b(?:temporary|temp|corporate) housing\b",
     ("Could the company provide temporary housing for the first month?",),
     ("Housing in Denver is expensive.",)),

    (r"\b(?:more|extra|additional) (?:pto|vacation|leave|holiday|days off|equity|stock|options|shares)\b|\b(?:an )?extra week\b",
     ("I'd love an extra week of vacation.", "Could I get more PTO?"),
     ("I'd like more time.",)),
    (r"\b(?:start|start date|first day|joining date) (?:of|on|in) (?:\w+ ){0,2}(?:instead|rather)\b",
     ("Could I have a start date in April instead?", "A start on the 15th rather than the 1st?"),
     ("My start date in April is confirmed.",)),
    (r"\bcover (?:part of |some of |all of )?(?:my|the) (?:\w+ )?(?:tuition|costs|move|relocation|expenses|mba|course|certification)\b",
     ("Would you cover part of my MBA tuition?", "Could the company cover the moving costs?"),
     ("That should cover everything.",)),
    (r"\b(?:could|would|can) (?:the company|you|the firm) (?:cover|pay for|contribute)\b",
     ("Could the company cover my certification?", "Would you pay for the flights?"),
     ("Could you send the contract?",)),
    (r"\b(?:any|a|some) (?:\w+ )?(?:budget|stipend|allowance) (?:for|if)\b",
     ("Is there any budget for training?", "Is there a stipend if I work from home?"),
     ("The budget is tight this year.",)),
    (r"\bbetter number\b|\b(?:better|improved|revised|stronger) offer\b|\bclose (?:that|the) gap\b",
     ("Could you come back with a better number?", "I'd need a stronger offer to move."),
     ("That's a better idea.",)),
    (r"\b(?:ask|asking|asked|request|requesting) (?:about|for) (?:a |the |an )?(?:transfer|move|relocation|raise|increase|remote|hybrid|title|change of|\w+ office|\w+ posting|bump)",
     ("I wanted to ask about a transfer to Denver.", "I'm asking for a raise."),
     ("I wanted to ask about the team culture.",)),
    (r"\b(?:case for|push for|argue for|make a case for) (?:a |the )?(?:\w+ )?(?:office|move|transfer|placement|raise|remote|hybrid|title|increase)\b",
     ("I'd like to make a case for a raise.", "Can I push for the Denver office?"),
     ("I'd like to push for a decision this week.",)),
    (r"\b\$?\d+(?:k|,\d{3})? (?:is|would be|seems|feels) (?:more )?(?:justified|fair|reasonable|warranted|appropriate)\b",
     ("I think 130k is fair given my experience.", "$125,000 feels reasonable to me."),
     ("I think the offer is fair.",)),
    (r"\b(?:make|change|set|move) (?:my |the )?(?:start(?:ing)?|joining) date\b",
     ("Could we move my start date?", "Can we set the joining date for May?"),
     ("What is my start date?",)),
    (r"\bpossibility of (?:a |an |the )?(?:\w+ )?(?:placement|posting|transfer|move|relocation|raise|remote|hybrid|increase|bonus|secondment)\b",
     ("I'd like to discuss the possibility of a transfer.", "Is there any possibility of a remote setup?"),
     ("There's a possibility of rain.",)),
    (r"\b(?:placement|posting|transfer|move|office|relocation|secondment|arrangement|setup) (?:\w+ )?(?:to \w+ )?(?:could|would|might) work\b|\bsecondment\b",
     ("I think a transfer to Denver could work.", "Would a secondment be possible?"),
     ("The current setup works fine.",)),
    (r"\b\$?\d{2,3}(?:k|,\d{3})? (?:be |is )?(?:at all )?(?:doable|possible|feasible|workable|an option)\b",
     ("Would 130k be doable?", "Is 125,000 at all possible?"),
     ("Would 130k be too much?",)),
    (r"\b(?:to|get to|at) \$?\d{2,3}(?:,\d{3}|k)?\b(?= ?[,.!?]|$| base| salary)",
     ("Could we get to 130?", "Could you go to $125k base?"),
     ("Could we get to 130 with a bonus?",)),
    # "I really need $128,000 on the base", "need 128k base", "I'd want the base at 140"
    (r"(?:^|\b(?:i|we)(?:'d| would)? (?:\w+ )?)(?:need|want|require|expect|am after|'m after|am asking|'m asking)\b (?:at least |a minimum of |something like |around |about |closer to |roughly )?\$? ?\d[\d,.]*(?:k|%| ?percent| ?grand)?",
     ("I really need $128,000 on the base.", "We'd want around 140k."),
     ("I need to think about it.",)),
    (r"\b(?:need|want|like|expect|require)s? (?:the |my )?(?:base|salary|pay|bonus|equity|number|sign(?:ing|-on)? bonus|relocation|stipend) (?:at|to be|of|to|set at|raised to) \$?\d",
     ("I'd need the base at 130k.", "I'd like the salary to be $125,000."),
     ("I like the salary structure.",)),
    (r"\b(?:\$?\d[\d,.]*k?|\d+ ?(?:%|percent)) (?:more|extra|higher|up) (?:on|in|for|to) (?:the |my )?(?:base|salary|bonus|equity|pay|offer|package|number)\b",
     ("Could we do 10k more on the base?", "5% more on the salary would help."),
     ("10k more in savings would be nice.",)),
    (r"\b(?:placing|putting|basing|moving|transferring|relocating|posting|stationing|assigning|sending) me (?:in|to|at|there|out of|into)\b|\bmake (?:that|it|this|\w+) (?:the|my) (?:placement|posting|location|office|base)\b",
     ("Would you consider placing me in the Denver office?", "Could we make Austin the location?"),
     ("Thanks for sending me the offer.",)),
    (r"\b(?:get|come|go|move) (?:a bit |a little |any |somewhat )?(?:closer|nearer) to (?:that|it|this|theirs|their|the)\b",
     ("Could you get a bit closer to that?", "Can you come closer to their number?"),
     ("I'm getting closer to a decision.",)),
    (r"\b(?:a |an )?(?:\$?\d[\d,.]*k?|\d+ ?%|\d+ percent) (?:bump|raise|increase|rise|uplift|boost|jump) (?:on|in|to|for) (?:the |my )?(?:base|salary|pay|bonus|equity|offer|package)\b",
     ("A 10% raise on the base would make this work.", "Could we do a 5k bump to the salary?"),
     ("I got a 10% raise last year.",)),
    (r"^\W*(?:at|for) \$?\d{2,3}(?:k|,\d{3})?,? (?:i'm|i'll|i will|i'd|i would) (?:\w+ )?(?:sign|signing|in|yours|accept|accepting|say yes)\b",
     ("At 130k, I'll sign today.", "For 125, I'm in."),
     ("I'll sign at 130k.",)),
    # A figure named by its first digit: "something starting with a 9".
    (r"\b(?:start(?:s|ed|ing)?|begin(?:s|ning)?) with an? (?:\d|one|two|three|four|five|six|seven|eight|nine)\b",
     ("Ideally something starting with a 9.", "I'm hoping for a number that begins with a one."),
     ("I'd like to start with a clear plan.",)),
    (r"\b(?:a (?:bit|little|touch|few \w+) )?more (?:on|in) (?:the |my )?(?:base|salary|bonus|equity|pay|signing|relocation|package)\b",
     ("Could you do a bit more on the base?", "A little more in the signing bonus would help."),
     ("Could you tell me more about the base?",)),
    # "130 and you've got yourself a new hire", "120, remote tuesdays, and we're good"
    (r"\b\$?\d{2,3}(?:k|,\d{3})?\b[^.?!]{0,40}\band (?:we're (?:good|set|done)|we have a deal|you(?:'ve)? (?:got|have) (?:yourself )?(?:a|an) (?:\w+ )?(?:hire|deal|yes|signature)|i'm (?:yours|in|sold)|i(?:'ll)? sign|it's a (?:deal|yes)|consider it done)\b",
     ("130k and you've got yourself a new hire.", "120, remote Tuesdays, and we're good."),
     ("130k and I'll think about it.",)),
    # Bringing a review or date forward ("prepone", Indian English).
    (r"\bprepon\w*\b|\b(?:bring|brought|pull|pulled) (?:\w+ ){0,3}forward\b|\b(?:move|moved) (?:\w+ ){0,3}(?:up|forward|earlier)\b(?=[^.?!]{0,40}\b(?:review|date|start|promotion|title|raise|months?)\b)|\b(?:review|promotion|raise|date)\b[^.?!]{0,20}\b(?:moved|move|brought|come|came) (?:up|forward|earlier|sooner)\b",
     ("I am requesting the salary review to be preponed to six months from now.", "Could the review be brought forward to six months?"),
     ("Let's move on to the bonus.",)),
    # A spoken or named figure in an ask: "hoping for a hundred and ten
    # thousand", "could the base go to one oh eight", "a base of one oh five
    # would be enough", "I'm looking for a base of $110,000".
    (r"\b(?:closer to|at least|more like|something like|hoping for|asking for|ask for|aiming for|looking for|request|get to|go to|goes to|bump me to|bumping me to|bring me to|up to|move to|raise (?:it |me )?to) (?:a |an )?" + SPOKEN_AMOUNT
     + r"|\b(?:looking for|hoping for|asking for|aiming for|targeting|need|want) (?:a |an )?(?:base|salary|bonus|raise|number|figure|package) (?:of|at|around|near|closer to) " + AMOUNT
     + r"|\b(?:base|salary|bonus|number) of " + AMOUNT + r"[^.?!]{0,30}\bwould (?:\w+ )?(?:be (?:enough|fine|great|ideal|good|okay|ok)|work|do)\b",
     ("I was kind of hoping for a hundred and ten thousand given the five years", "um so could the base go to one oh eight",
      "honestly a base of one oh five would be enough for me", "I'm looking for a base of $110,000."),
     ("I'm looking for a new flat.",)),
)]
# Bare mentions of a term: an ask only inside a request frame or question.
_TERM_MENTION = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:remote(?:ly)?|hybrid|from home|wfh|home days|remote days|home office)\b(?! polic)|\bdays? (?:at|from) home\b",
     ("Could I work remotely two days a week?", "Would hybrid be an option?"),
     ("Can you send the remote policy?",)),
    (r"\b(?:sign(?:ing|-on| on)?|retention|joining|relocation) bonus\b|\bbonus\b",
     ("Is a signing bonus possible?", "Could we add a relocation bonus?"),
     ("Could we add a signing incentive?",)),
    (r"\bflexib(?:le|ility) (?:schedule|hours|working|start times?|days)\b|\bflexi-?time\b",
     ("Would flexible hours be possible?", "Is flexitime an option?"),
     ("I'm flexible on the start date.",)),
    (r"\b(?:salary|base|pay|equity|stock|rsus?|shares|title|pto|vacation|relocation|stipend|allowance|package|four-day week|4-day week|part-time)\b(?! (?:paperwork|forms?|documents?|details|logistics|process|policy|paper|portal))",
     ("Is the salary negotiable?", "Could we revisit the equity?"),
     ("Could you send me the salary paperwork?",)),
)]
_YOUR_OWN = rx(r"\byour (?:vacation|holiday|holidays|pto|leave|days off|trip|flight)\b(?! (?:policy|allowance|days|package))",
               yes=("How was your vacation?", "Hope your trip went well."),
               no=("What's your vacation policy?",))
_CLOCK = rx(r"\b\d{1,2}(?::\d\d)? ?(?:am|pm|o'clock)\b|\b(?:call|meeting|chat|zoom)\b",
            yes=("Can we do 3pm instead?", "Could we move the call?"),
            no=("Could we do 3 instead?",))
_NORM_Q = rx(r"\b(?:normally|usually|typically|generally|customary|commonly|standard practice)\b",
             yes=("Is that usually negotiable?", "What's standard practice for relocation?"),
             no=("Is that negotiable?",))
_DISCUSS = rx(r"\b(?:discuss|talk|go over|go through|talk through|chat)\b",
              yes=("Could we discuss the base?", "I'd like to go over the numbers."),
              no=("Could you send the numbers?",))


_ABOUT_TERM = rx(r"\b(?:being|about|regarding|re|on) $",
                 yes=("I wanted to ask about ", "I had a question regarding "),
                 no=("I wanted to ask about remote work.",))
_UNDERSTAND = rx(r"\b(?:understand|know|learn|get a sense of|curious) (?:how|what|why|who|whether|which)\b",
                 yes=("I'd like to understand how the bonus is calculated.", "I'm curious what the team thinks."),
                 no=("I understand the offer.",))
_YES_NO_Q = rx(r"(?:would|could|can|is|are|any|might|will)\b",
               yes=("Would a later start be possible?", "Any chance of more equity?"),
               no=("Thanks for the offer.",))
_CHECKING = rx(r"\b(?:can|could|may) i (?:just )?(?:check|ask|confirm)\b|\b(?:can|could|would) you (?:please )?(?:just )?(?:confirm|double-check|clarify|remind me)\b|\bquick question\b|\bjust checking\b",
               yes=("Can I just check the start date?", "Could you confirm the bonus amount?"),
               no=("Can I get a higher base?",))


# A demand restated, often with no frame at all: "Still $108,000.",
# "$110,000, as I mentioned.", "The title. Nothing has changed.", "I said
# senior analyst", "Bonus. Still.", "I still want the bonus".
_DEMANDED = (
    AMOUNT + r"|(?<!\d)(?!100\b)\d{1,2}(?:\.\d)? ?(?:%|percent)|(?:the |a |my )?(?:retention |signing |sign-on |joining )?bonus(?: of retention)?|(?:the )?(?:senior|lead|principal) [a-z]+(?: title)?"
    r"|(?:the |my )?(?:job )?title|(?:the |my )?(?:base|salary|raise|pay rise)|(?:the |my )(?:increase|number|figure)|(?:the |my )?(?:[\w-]+ )?(?:office|remote|home|wfh) days?"
    r"|(?:\d|one|two|three|four|five) days(?: (?:in|of office|in the office|a week|in office))?|(?:the |a )?(?:six|6|three|3|twelve|12)[- ]month(?:s)? review|(?:the )?review(?: in (?:six|6|three|3) months)?"
    r"|more (?:base|money|pay|salary|cash)|my (?:request|ask|asks|demand|figure|number)"
)
# One term of a package: a figure, office days, a title, a review date, a bonus.
_ITEM = (AMOUNT + r"(?: (?:base|salary|bonus|retention bonus|signing bonus|raise|one[- ]time))?|(?<!\d)\d{1,2} ?%"
         r"|(?:\d|one|two|three|four|five) (?:office |remote |wfh |in-office )?days?(?: (?:in|a week|in the office|in office|of office|remote|a wk))?"
         r"|(?:the )?(?:senior|lead|principal|staff) [a-z]+(?: title)?|(?:the )?title|(?:a |the )?(?:six|6|three|3|twelve|12)[- ]month (?:salary )?review"
         r"|(?:a |the )?review (?:in|at|after) (?:six|6|three|3) months|office (?:only )?(?:on )?(?:mon|tues|wednes|thurs|fri)days?")
_RESTATED = [rx(p, yes=y, no=n) for p, y, n in (
    (r"(?:^|[.!?,;:] ?)(?:(?:it's|it is|that's|that is|my (?:ask|number|figure|answer) is|i'm|i am|i) )?(?:still|again) (?:at |on |want |need |wanting |needing |the )?(?:" + _DEMANDED + r")",
     ("Still $108,000.", "Still want Senior Analyst.", "still the title tho", "Sorry, it's still $108,000, I'm afraid."),
     ("Still waiting on the contract.", "Still there?")),
    (r"\b(?:i )?(?:do )?(?:still|again|continue|keep)(?: really)? (?:i am |i )?(?:want|wanting|need|needing|require|requiring|insist on|must have|expect|ask for|asking for)\b(?=[^.?!]{0,40}(?:" + _DEMANDED + r"))",
     ("I still want the bonus of retention.", "Still I am wanting Senior Analyst title.", "I continue wanting the title.", "I do still need the retention bonus."),
     ("I still need to think about it.",)),
    (r"(?<!\w)(?:" + _DEMANDED + r")[^.?!]{0,12}?[,.]? ?(?:as i (?:said|mentioned|told you|stated|explained)|like i (?:said|mentioned|told you)|i repeat|i did say|remains? my (?:figure|number|ask|position|request|bottom line)|(?:still|again)(?=\s*(?:[.!?,]|$|tho\b|though\b|please\b|pls\b|i'm afraid\b|too low\b|not enough\b|too little\b|where i am\b|what i (?:need|want|asked)\b|need\b|want\b)))",
     ("$110,000, as I mentioned.", "110k. like i said", "Bonus. Still.", "$108,000 remains my figure.", "the bonus um yeah still", "Two days. Again."),
     ("The base is still pending approval.", "Is the bonus still paid in March?")),
    (r"(?<!\bwhat\s)\b(?:i said|i did say|as i said|like i said|how i said|i repeat|i(?:'m| am) telling (?:you )?again|i told you)\W+(?:\w+ ){0,2}(?:" + _DEMANDED + r")",
     ("I said $110k.", "i said senior analyst", "like I said more base", "I am telling again, $108,000.", "How I said, two days of office."),
     ("Forget what I said about the title.",)),
    (r"\b(?:i must have|i have to have|i need to have|i am requiring|i am needing|i am wanting|i require|i insist on)\b(?=[^.?!]{0,40}(?:" + _DEMANDED + r"))|(?<!\w)(?:" + _DEMANDED + r")[^.?!]{0,30}\b(?:i am requiring|i am needing|i am wanting|i require|i insist|i need (?:that|it)|i want (?:that|it)|still need)\b",
     ("I must have the two office days.", "Review in six months only, I am requiring.", "one twelve I need that", "Retention bonus, still need."),
     ("I must have missed your email.",)),
    (r"\b(?:please|pls|plz|kindly|just|like i said|i said|still|again) (?:just )?more (?:base|money|pay|salary|cash)\b|\bmore (?:base|money|pay|salary|cash),? (?:please|pls|plz)\b|\b(?:base|salary|pay|bonus|offer|number)\b[^.?!]{0,30}\bkindly (?:increase|raise|revise|improve|match|bump)\b|\bkindly (?:increase|raise|revise|improve|match|bump) (?:the |my )?(?:base|salary|pay|bonus|offer|number)\b",
     ("More base, please.", "pls just more money", "Base is still less, kindly increase."),
     ("More money than I expected, thanks.",)),
    # A package of terms listed ("$106k base plus $6k retention bonus",
    # "Title now, review at six months, $104k", "Concretely: $105k, office
    # Tuesday and Thursday only"): the terms wanted.
    (r"(?<!\w)(?:" + _ITEM + r")(?: now| today| only| base)?\s*(?:[,;:+&]|\band\b|\bplus\b|\bwith\b)\s*(?:and |plus |then |with |but |\w+ ){0,2}(?:" + _ITEM + r")",
     ("$106k base plus $6k retention bonus.", "Title now, review at six months, $104k.", "Concretely: $105k, office Tuesday and Thursday only.",
      "$105k and two office days. No bonus needed."),
     ("I've been here five years and two months.",)),
    # Imperative changes on a call: "Cut me to two office days."
    (r"\b(?:cut|reduce|drop|bring|get|move|put) me (?:down )?to (?:\d|one|two|three|four) (?:office |remote |home |in-office )?days?\b",
     ("Cut me to two office days.",),
     ("Get me to the office by nine.",)),
)]
_RIVALS = rx(r"\b(?:their|theirs|rival|competing|competitor\w*|other (?:offer|company|firm|employer|one)|another offer|offer from|they(?:'re| are)? (?:offer|giv)\w*|offered|is offering)\b",
              yes=("rival: full remote + 20%",), no=("$105k and two office days.",))
_ACCEPTISH = rx(r"\b(?:done|works|deal|fair|agreed|agree|accept\w*|i'?m in|let's (?:do|ship|go)|confirm\w*|bet|fechado|perfect|sounds good|take it|sold)\b|(?<!\bthen\si\s)(?<!\bthen\s)\b(?:stay|staying)\b",
                yes=("Right then. £67k, 28 days, two office days. Done.",), no=("$105k and two office days.",))
_RESTATED_TOO = rx(r"\b(?:nothing has changed|nothing's changed|that hasn't changed|my answer is (?:the same|unchanged)|same (?:as|like) before|as before|like before|(?:that's|that is|it's|it is) still where i (?:am|stand)|i repeat|like i said|as i (?:said|mentioned))\b",
                   yes=("The title. Nothing has changed.", "My answer is the same: Senior Analyst.", "Same like before, my request."),
                   no=("Something has changed since we spoke.",))
_DEMANDED_RX = rx(r"(?<!\w)(?:" + _DEMANDED + r")",
                  yes=("the title",), no=("nothing here",))


def names_terms(m: Message, a: int, b: int) -> bool:
    """The text between ``a`` and ``b`` names a figure or a term of the deal."""
    return _DEMANDED_RX.search(m.norm, a, b) is not None or _TERM_NAMED.search(m.norm, a, b) is not None


_TERM_NAMED = rx(r"\b(?:remote|hybrid|office|equity|relocation|start date|pto|vacation|promotion|team)\b",
                 yes=("two days of office",), no=("see you soon",))


def _restated_demand(m: Message, within: Span | None = None) -> Span | None:
    for span in m.iter_matches(_RESTATED, negatable=True, window=3, within=within):
        sa, sb = m.sentence_at(span[0])
        if WH_QUESTION.search(m.norm[sa:sb]) or re.search(r"\b(?:if|whether|unless)\b", m.norm[sa:span[1]]):
            continue
        # "their base is $112,000 and two office days": the rival's terms;
        # "Done. 3 days in the office and 117k": the terms accepted.
        if _RIVALS.search(m.norm, sa, sb) or _ACCEPTISH.search(m.norm):
            continue
        return span
    same = m.find([_RESTATED_TOO], negatable=True, within=within)
    # the demand in the same sentence, or a short message ("The title. Nothing has changed.")
    if same and (_DEMANDED_RX.search(m.norm, *m.sentence_at(same[0])) or (len(m.sents) <= 2 and _DEMANDED_RX.search(m.norm))):
        return same
    return None


# A question about how fixed a term is, or which lever is easiest, asks about
# the organisation's constraints, not for a change (PRINCIPLES.md: process
# and norms are asks_interests): "Is the four-day office rule a company
# thing, or could our team decide?", "Is the salary review fixed to the
# annual cycle?", "Which of these is easiest for you to move?". With a figure
# or a date named ("Is the March 3 start fixed, or could we make it March
# 24?") it is still a specific ask.
_POLICY_WORDS = (r"(?:tied to|linked to|bound to|fixed (?:to|by|at)|set by|decided by|decided at|up to (?:each|every|the|individual)|have to follow|has to follow|"
                 r"(?:company|team|group|firm|hr|office|department)[- ]?(?:wide )?(?:rule|policy|thing|decision|requirement|mandate)|"
                 r"(?:a |the )?(?:rule|policy|requirement|mandate) (?:of|from|for) (?:the )?(?:company|group|firm|team|business)|a matter of (?:\w+ )?policy|policy|"
                 r"(?:a |an )?(?:\w+ )?(?:thing|rule|requirement)\b[^.?!]{0,40}\bor\b)")
_CONSTRAINT_Q = rx(r"\b(?:" + _POLICY_WORDS + r"|(?:fixed|set in stone|locked(?: in)?)\b[^.?!]{0,60}\bor\b|rule or (?:habit|practice|preference|choice|tradition|custom))",
                   yes=("Is the four-day office rule a company thing, or could our team decide?", "Is the salary review fixed to the annual cycle?",
                        "Four office days: rule or habit?"),
                   no=("Is the base negotiable?", "Is this date fixed?"))
_FIXED_Q = rx(r"\b(?:fixed|set in stone|locked(?: in)?|tied to|the rule|a rule|policy)\b",
              yes=("Is this date fixed?",), no=("Is the base negotiable?",))
_LEVER_Q = rx(r"\b(?:is there|there is|any) (?:any |some )?(?:budget|room|wiggle room|flexibility|appetite|scope)\b[^.?!]{0,50}\bor (?:is |would |does |could )?(?:only |just )?(?:the )?(?:[\w-]+ ){0,3}(?:easier|simpler|possible|can (?:change|move)|the only)\b|\bwhich (?:\w+ ){0,4}(?:is |are |would be |'d be |you'd find |you would find |do you find |would you find )?(?:the )?(?:easiest|easier|simplest|simpler|hardest|least (?:trouble|hard|difficult|painful)|most (?:realistic|doable|flexible|movable|negotiable))\b",
              yes=("is there wiggle room on base or is a retention bonus easier to get approved", "Which of these is easiest for you to move?",
                   "Base or bonus: which is easier?"),
              no=("Is there any flexibility on the base?",))
# A question about a term's nature: opening "is/are/does/has ..." (not "are
# you ...", not "could I ..."), or "X is a company rule, or ...?".
_QUESTIONISH = rx(r"(?:^|[,:;] (?:but |and |so )?)\W*(?:(?:so|um|uh|and|okay|ok|also|sorry|honestly|quick question|one question)\W+)*(?:is|are|does|do|has|have|was|were)\b(?! (?:you|u|we|i)\b)|\b(?:is|are)\b[^?]{0,60}\bor\b[^?]*\?\W*$",
                  yes=("is the four office days thing like a company wide rule or is it up to each team", "Four office day is company rule, or our team can decide?"),
                  no=("The base is fixed.", "Are you seriously giving me the 'company policy' line?", "Could you repeat the part about the mobility policy?"))
_PROPOSING = rx(r"^\W*(?:if|what if|how about|what about|would|could|can|may|might)\b",
                yes=("If the PTO is fixed at 15 days, would you be open to it?", "What if the bonus were tied to the launch?"), no=("Is the review fixed?",))
_NAMES_FIGURE = rx(r"\$ ?\d|\b\d{2,3}(?:k|,\d{3})\b|\b(?:january|february|march|april|june|july|august|september|october|november|december) \d|\b\d{1,2}(?:st|nd|rd|th)\b|" + SPOKEN_AMOUNT,
                   yes=("Is the March 3 start fixed, or could we make it March 24?",), no=("Is the review fixed?",))


_ABOUT_TERMS = rx(r"\b(?:office|days?|review|salary|base|pay|bonus|title|promotion|raise|remote|hybrid|budget|cycle|band|policy|rule|equity|relocation|start|schedule|hours|increase)\b",
                  yes=("is 4 office days a company rule",), no=("coffee machine is fixed or still broken?",))


def _constraint_question(m: Message, sa: int, sb: int, *, loose: bool = False) -> bool:
    sent = m.norm[sa:sb]
    if _PROPOSING.search(sent) or _NAMES_FIGURE.search(sent) or not _ABOUT_TERMS.search(sent):
        return False
    # "which is easiest...", "rule or habit?" are questions by their shape.
    if _LEVER_Q.search(sent) and (sent.rstrip().endswith("?") or _QUESTIONISH.search(sent) or "which" in sent):
        return True
    if re.search(r"\brule or (?:habit|practice|preference|choice|tradition|custom)\b", sent) and sent.rstrip().endswith("?"):
        return True
    if not _QUESTIONISH.search(sent):
        return False
    if _CONSTRAINT_Q.search(sent):
        return True
    return loose and bool(_FIXED_Q.search(sent))


def constraint_questions_only(m: Message) -> bool:
    """Every sentence naming a term asks how fixed it is or which lever is
    easiest (and there is one): a question about constraints, no ask."""
    seen = False
    for sa, sb in m.sents:
        if not names_terms(m, sa, sb):
            continue
        if not _constraint_question(m, sa, sb, loose=True):
            return False
        seen = True
    return seen


def constraint_question(m: Message) -> Span | None:
    """The first sentence that asks how fixed a term is or which lever is easiest."""
    for sa, sb in m.sents:
        if _constraint_question(m, sa, sb):
            return sa, sb
    return None


def specific_ask(m: Message) -> Span | None:
    span = _specific_ask(m) or _restated_demand(m)
    if span is not None and _constraint_question(m, *m.sentence_at(span[0]), loose=True):
        # the ask is the question about the constraint itself; another
        # sentence may still ask.
        for sa, sb in m.sents:
            if _constraint_question(m, sa, sb, loose=True):
                continue
            sub = _specific_ask(m, within=(sa, sb)) or _restated_demand(m, within=(sa, sb))
            if sub is not None:
                return sub
        return None
    return span


# "Hi. How's the team?", "How is everyone on the team doing?": small talk,
# not a question about the team's needs.
_HOW_ARE_THINGS = rx(r"^\W*(?:(?:hi|hello|hey|oh|morning|afternoon|and|so|also)\W+)*how(?:'s| is| are| has| have) (?:the team|your team|everyone|everybody|things|the family|your family|life|the office|work|it going)(?: (?:on|in|at) (?:the|your) team)?(?: been)?(?: doing| going| holding up| getting on)?\W*$",
                     yes=("Hi. How's the team?", "How is everyone on the team doing?", "How is everybody in the team?"),
                     no=("How is the team planning to cover the migration?",))


def small_talk_questions_only(m: Message) -> bool:
    """Every question in the message is a how-are-things greeting."""
    qs = [(a, b) for a, b in m.sents if m.norm[a:b].rstrip().endswith("?")]
    return bool(qs) and all(_HOW_ARE_THINGS.search(m.norm[a:b]) for a, b in qs)


def asks_something(m: Message) -> bool:
    """Some sentence has the shape of a request (a question, "I'd like", a condition...)."""
    return _ASK_CONTEXT.search(m.norm) is not None


def _specific_ask(m: Message, within: Span | None = None) -> Span | None:
    """A request to change a term.

    Phrases of change ("move me to", "bring the base to") need some request
    frame in their sentence (a question, "I'd like", a condition); a bare
    mention of a term ("remote", "bonus") needs a real ask frame. Open
    wh-questions ("How do remote days usually work?") ask for facts or norms.
    """
    for span in m.iter_matches(_SPECIFIC, negatable=True, window=4, within=within):
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
        if (_ASK_CONTEXT.search(sent) or _ASK_CONTEXT_TOO.search(sent)) and (not WH_QUESTION.search(sent) or _WHAT_IT_TAKES.search(sent)):
            return span
    for span in m.iter_matches(_TERM_MENTION, negatable=True, window=4, within=within):
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
    return _back_reference(m) if within is None else None


# "Working from home on Fridays, I'd ... . Would that be possible?": the ask
# is a later sentence pointing back at a term named before it.
_POINTING_BACK = rx(r"^\W*(?:\w+,? )?(?:(?:would|could|is|will|might) (?:that|this) (?:\w+ )?(?:be )?(?:at all )?(?:possible|doable|an option|feasible|ok|okay|acceptable|workable|something you(?:'d| would| could) consider)|(?:is|would) (?:that|this) (?:be )?something (?:we|you) (?:could|can|might|would) (?:\w+ ){0,3}(?:consider|build|add|include|do|offer|look at|accommodate|work into|fold into|put in)|(?:can|could) we make (?:that|this|it) (?:happen|work))\b[^.?!]*\W*$",
                    yes=("Would that be possible?", "So, is that something you could consider?"),
                    no=("That would be possible for me.",))
# "What would it take to get to 125?" names the figure wanted; "what would it
# take for a transfer to be approved?" asks about process only.
_WHAT_IT_TAKES = rx(r"\bwhat (?:would|will|does) it take\b[^.?!]{0,40}\$?\d",
                    yes=("What would it take to get to 125?", "What does it take to reach $130k?"),
                    no=("What would it take for a transfer to be approved?",))


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
    r"\?|\b(?:things|points|asks|requests|items)\s*:|\b(?:i|i'd|i would) (?:\w+ )?(?:propose|suggest|request)\b|" + ASK_FRAME + r"|^\W*(?:a |an )?(?:bit |little |touch )?(?:more|extra|higher|bigger|additional|remote|hybrid|later|senior|\d+ ?%) (?:\w+ ){0,3}would\b|^\W*(?:at|for) \$?\d|\bideally\b|\band (?:we're (?:good|set|done)|we have a deal|you(?:'ve)? (?:got|have) (?:yourself )?(?:a|an)|i'm (?:yours|in|sold)|i(?:'ll)? sign|it's a (?:deal|yes))\b|(?:^|\bi (?:\w+ )?)(?:need|want)\b|\b(?:would|could) (?:\w+ ){0,2}(?:get me (?:over|there)|do it for me|work for me|seal (?:it|the deal)|be enough)\b|\b(?:if|unless|either|needs? to|has to|have to|must|what if|how about|instead|rather than|in exchange|i'm holding|holding at|one option|one idea|i could|my ask|the ask|ask is|hoping|i'd love|would love|willing|is possible|be possible|match|beat|better number|can't|cannot|isn't|not possible|off the table|on the table|come back with|ideal|preferable|justified|warranted|deserve|fair|reasonable)\b",
    yes=("Could we look at the base?", "I'd like a higher base."),
    no=("The offer looks good to me.",),
)
# Asking in non-native or formal registers: "I am requesting", "kindly".
_ASK_CONTEXT_TOO = rx(r"\bi(?:'m| am)? (?:request|requesting|requiring|needing|wanting|looking for)\b|\bkindly\b(?! (?:be informed|note|find|see))|\b(?:would|could) (?:\w+ )?be (?:enough|fine|great|ideal)\b",
                      yes=("I am requesting the salary review to be preponed.",), no=("The review is in twelve months.",))


# Place- or term-change demands, common inside threats and conditions:
# "Is Denver at all possible?", "If Austin isn't possible", "unless you can
# move me to X", "Either I get Austin". The named thing (group "x") must be a
# known place or term word, or a capitalised word in the original text.
_DEMANDS = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:is|would|could|if|whether|unless|until) (?:the )?(?P<x>[a-z]+(?: office)?) (?:is |be |at all |really |definitely |still |could |would |might |ever )*(?:(?:not |n't |isn't |is not |at all )?(?:possible|an option|doable|on the table|on the cards|in the cards|off the table|happen|workable|a no|feasible|available)|isn't possible|can't happen|is a no)\b",
     ("Is Denver at all possible?", "If Austin isn't possible, I'll have to think again."),
     ("Denver is lovely in spring.",)),
    (r"\b(?:move|put|place|send|get|have|keep|base|assign|transfer|relocate|station|find room for|find a (?:seat|spot|place) for) (?:me )?(?:\w+ ){0,2}(?:in|to|at|into) (?:the |your )?(?P<x>[a-z]+)\b",
     ("Could you move me to Denver?", "Would you put me in the Austin office?"),
     ("Could you send me the contract?",)),
    (r"\b(?:i|me) (?:can't |cannot |could |can )?be (?:in|based in|placed in|posted in) (?P<x>[a-z]+)\b",
     ("Could I be based in Austin?", "Ideally I could be based in Denver."),
     ("I could be ready in March.",)),
    (r"\b(?:either )?i get (?P<x>[a-z]+)\b",
     ("Either I get Denver or I walk.", "As long as I get Austin, I'm happy."),
     ("I got the offer yesterday.",)),
    (r"\b(?:agree to|approve|sign off on|allow|okay|greenlight) (?:a |the |my )?(?:move to |transfer to )?(?P<x>[a-z]+)\b",
     ("Would you approve a move to Denver?", "Could you sign off on Austin?"),
     ("Could you agree on a date?",)),
    (r"\bin (?P<x>[a-z]+) (?:instead|rather)\b",
     ("Could I be in Denver instead?", "I'd rather be based in Austin rather than London."),
     ("I'd prefer to start in May.",)),
    (r"\b(?:if|whether) (?:maybe |perhaps |possibly )(?P<x>[a-z]+(?: office)?) (?:\w+ )?(?:might|could|would) (?:be |ever be |still be )?(?:possible|an option|doable|workable|feasible)\b",
     ("I was wondering if maybe Denver might be possible.", "Do you know whether perhaps Austin could be an option?"),
     ("I wonder if maybe we should wait.",)),
    (r"\b(?P<x>[a-z]+) (?:office|posting|placement|transfer)\b[.,:;!? -]{0,3}(?:\w+ ){0,3}(?:possible|doable|feasible|an option|on the table|mean (?:everything|a lot|the world|so much))\b",
     ("Is a Denver transfer possible?", "The Austin office would mean a lot to me."),
     ("The Denver office is lovely.",)),
    (r"\b(?P<x>[a-z]+)(?: office)?(?:'s| is) (?:where|the (?:place|office|city|one)) (?:i'd|i would|i want to|i'm hoping to|i'm aiming to|i hope to|i can|i could) (?:\w+ ){0,2}(?:be|end up|land|work|go|settle|be based|do)\b",
     ("Denver's where I'd like to be based.", "Austin is the city I want to settle in."),
     ("Denver is where my family lives.",)),
    (r"\b(?P<x>[a-z]+(?: office)?) (?:would be|is|'d be) (?:my |the )?(?:\w+ )?(?:pick|preference|first choice|choice|ideal)\b(?=[^.?!]*\b(?:if|could|can|would|possible)\b)",
     ("Denver would be my first choice if that's possible.", "Austin is my preference, if you can make it work."),
     ("Denver would be my first choice.",)),
)]
_DEMANDS.append(rx(r"\b(?P<x>[a-z]+)(?: office)? is (?:the|my|our) only (?:\w+ )?(?:option|choice|place|city|location)\b",
                   yes=("Denver is the only option for my family.", "Austin is my only realistic choice."),
                   no=("Denver is the best option for me.",)))
_THIRD_PARTY = rx(r"\b(?:competitors?|rivals?|another (?:firm|company|employer|bank|place)|other (?:firm|company|employer|bank|place)s?|they|they'd|they'll|they would|they will)\b[^.?!]{0,30}$",
                  yes=("A competitor would put me in", "They'd move me to"),
                  no=("They made me an offer as well.",))
_TERM_WORDS = frozenset(
    "remote hybrid salary base pay title bonus equity relocation denver austin office".split()
)
_PLACE_WORD = rx(r"^(?:" + PLACE_WORDS + r")$",
                 yes=("denver", "the austin office"),
                 no=("denver office",))


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
