"""Pressure tactics: ``threat``, ``mentions_alternative``, ``zero_sum``."""

from __future__ import annotations

import re

from ..lexicon import PLACE_WORDS, alt, rx
from ..message import Message, Span
from .common import HISTORY, NOT_A_PLACE, STATUS_QUO

_PLACE_WORD = re.compile(r"^(?:" + PLACE_WORDS + r")$")

# ---------------------------------------------------------------------------
# threat
# ---------------------------------------------------------------------------

# Consequences the candidate controls: leaving, taking the other job,
# reconsidering the acceptance.
_CONSEQUENCE = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\bwalk(?:ing)?(?: away| out)?\b(?! (?:you|u|me|him|her|them|us|through))",
     ("If the base stays at 90k, I'll walk.", "I'm ready to walk away over this."),
     ("Let me walk you through my numbers.",)),
    (r"\b(?:withdraw|withdrawing|retract|retracting|rescind|rescinding|revoke|revoking|renege on|go back on) (?:my |the |our )?(?:acceptance|signature|yes|offer|agreement|commitment|decision)",
     ("I'll have to withdraw my acceptance if the start date moves.",),
     ("I won't withdraw from the course I'm taking.",)),
    (r"\b(?:withdraw|withdrawing|pull|pulling|back|backing|bow|bowing|drop|dropping) out\b",
     ("If that's final, I may have to pull out.", "I'd be backing out of the deal."),
     ("Can you back me up with the hiring manager?",)),
    (r"\b(?:withdraw|withdrawing|retract|retracting|pull|pulling) (?:my |our )?(?:application|candidacy|name)\b|\b(?:withdraw|withdrawing|step|stepping|pull|pulling) (?:\w+ )?(?:back )?(?:from|out of) (?:the |this |your )?(?:process|running|search|hiring process|recruitment|consideration)\b",
     ("I'll withdraw my application if that's the ceiling.", "I'm stepping back from the process."),
     ("I'd like to withdraw some of my signing bonus early.",)),
    (r"\b(?:decline|declining|turn down|turning down|reject|rejecting|refuse|refusing) (?:the|your|this) (?:offer|role|position|job)",
     ("I'll be declining the offer unless the base moves.",),
     ("I don't want to decline anything yet, I'm just asking.",)),
    (r"\bturn(?:ing)? (?:it|this|the offer|the role|you) down\b",
     ("At that rate I'll have to turn it down.",),
     ("Can we turn the paperwork around this week?",)),
    (r"\b(?:have|need|going) to pass\b|\bi'll (?:have to |probably |just )?pass\b|\b(?:gonna|will) pass\b",
     ("Then I'm going to pass.", "If that's the number, I'll have to pass."),
     ("Could you pass my CV on to the team lead?",)),
    (r"\b(?:take|taking|accept|accepting|go for|going for|go with|going with) (?:the|their|that|this) other (?:job|offer|role|position|one|gig|contract|place|kitchen|restaurant|school|hospital|studio|lab|shop|store|team|company|firm|agency|practice|clinic)",
     ("If you can't match it, I'll take the other offer.",),
     ("I'd take the other half of the bonus in stock.",)),
    (r"\b(?:i'll|i will|i'd|i would) (?:\w+ )?be (?:taking|accepting|signing|going with) (?:the|their|that) (?!(?:" + PLACE_WORDS + r")\b)[\w-]+ (?:role|offer|job|position|package)\b",
     ("I'll probably be accepting the Amazon offer.",),
     ("I'll be taking the Denver role if the transfer goes through.",)),
    (r"\b(?:take|taking|accept|accepting) (?:theirs|their offer|the other one)",
     ("Then I'll just accept their offer.",),
     ("I'd take your offer in a heartbeat if the base moved.",)),
    (r"\b(?:sign|signing|go|going|stick|sticking|side|siding) with (?:them|the other|\w+ instead)\b",
     ("I'm leaning towards going with them.",),
     ("I'd love to go with you on this one.",)),
    (r"\b(?:sign|signing|go|going|side|siding) with (?:the|that) (?:[\w-]+ ){0,2}(?:firm|company|startup|fintech|bank|consultancy|agency|competitor|school|hospital)s?\b",
     ("If not, I'll sign with the other firm.",),
     ("I'm happy to sign with the team here.",)),
    (r"\b(?:sign|signing|go|going|look|looking|head|heading|take my talents|accept|accepting) elsewhere\b|\bcall it(?: a day| quits)?\b",
     ("I'll take my talents elsewhere.", "Then I'll look elsewhere."),
     ("I couldn't find a role like this anywhere else.",)),
    (r"\b(?:take|taking|accept|accepting|go with|going with) (?:the|their|that) (?:\w+ )?offer (?:instead|from them)\b",
     ("I'll go with their offer instead.",),
     ("I'd rather go with your offer instead.",)),
    (r"\b(?:prepared|ready|going|have|forced|planning) to leave\b|\bi(?:'ll| will) (?:just )?leave\b",
     ("I'm prepared to leave over this.", "If that's it, I'll just leave."),
     ("I'd like to leave early on Fridays.",)),
    (r"\b(?:have to|i'll|i will|going to|gonna|must|forced to) (?:politely |respectfully |regretfully )?decline\b",
     ("I'll have to respectfully decline.",),
     ("Why would anyone decline a raise?",)),
    (r"\b(?:go|going|head|heading) back to (?:my )?(?:old|current|previous|present|last) (?:firm|job|employer|company|role)\b",
     ("I'd rather go back to my old firm.",),
     ("I'll get back to my old manager tomorrow.",)),
    (r"\b(?:honou?r|honou?ring|take|taking|go with|going with|accept|accepting|pursue|pursuing) my other (?:\w+ )?(?:commitment|offer|option|opportunity)\b",
     ("I'll be honouring my other commitment.",),
     ("My other concern is the commute.",)),
    (r"\b(?:not sure|don't know|doubt|can't see how) (?:if |whether |that )?(?:this|the|it) (?:\w+ ){0,2}(?:works|will work|would work|makes sense|is right|is for me)\b",
     ("I'm not sure this really works for me.",),
     ("I'm sure this will work out.",)),
    (r"\b(?:this|it) (?:isn't|is not|won't be|wouldn't be) (?:the right fit|right for me|for me)\b",
     ("Honestly, this isn't right for me.",),
     ("This is right for me.",)),
    (r"\b(?:can't|cannot|don't|struggle to|hard to) see (?:myself|me) (?:signing|joining|accepting|taking|coming|starting|saying yes)\b",
     ("I can't see myself signing at that number.",),
     ("I can see myself joining the team.",)),
    (r"\b(?:i'll|i will|i'm going to|i'd|i would) (?:\w+ ){0,6}move on\b",
     ("If that's final, I'll move on.",),
     ("Let's move on to the equity piece.",)),
    (r"\b(?:weigh|weighing|consider|considering|take|taking|look at|looking at|think about) (?:up )?(?:\w+ )?(?:the|their|that|my) other (?:offer|option|opportunity|job)s?\b",
     ("I'll have to weigh up the other offer.",),
     ("I'm weighing the relocation package.",)),
    (r"\b(?:not comfortable|can't|cannot|won't|unable to|not able to) (?:continuing|proceeding|moving forward|going ahead|continue|proceed|go ahead|move forward)\b",
     ("I'm not comfortable moving forward at this salary.",),
     ("I'm comfortable moving forward.",)),
    (r"\bkeep(?:ing)? my (?:current|present|old) (?:job|role|position|employer)\b|\bkeep(?:ing)? my options open\b|\b(?:explore|exploring|weigh|weighing) my options\b",
     ("I'll keep my options open.", "I'd rather keep my current job."),
     ("I'd like to keep my current laptop.",)),
    (r"\b(?:reconsider|reconsidering|rethink|rethinking|re-?evaluate|re-?evaluating|re-?assess|reassessing|revisit|revisiting|review|reviewing|question|questioning) (?:my|where i stand|whether|if|things|everything|the offer|joining|this|the whole|our)",
     ("I'd have to reconsider joining.", "That makes me question whether this is right."),
     ("Could you review the contract draft?",)),
    (r"\b(?:reconsider|rethink)\b(?= ?[.!,]|$)",
     ("If not, I'll have to reconsider.",),
     ("I'll reconsider the start date.",)),
    (r"\bthink (?:hard|twice|long and hard|very carefully|carefully) about (?:whether|if|joining|this)",
     ("I'd need to think hard about whether to join.",),
     ("I've thought hard about this.",)),
    (r"\blook(?:ing)? (?:elsewhere|around|at (?:my )?other (?:options|offers|opportunities))",
     ("I'll start looking around.", "I'll be looking at other offers."),
     ("I'll look at the contract tonight.",)),
    (r"\b(?:explore|exploring|consider|considering|pursue|pursuing) (?:my |the )?other (?:options|offers|opportunities|paths)",
     ("I'll have to explore other options.",),
     ("Are there other options for the start date?",)),
    (r"\bgo(?:ing)? elsewhere\b|\bfind (?:something|another job|a job) (?:else|elsewhere)",
     ("I'll go elsewhere.", "Then I'll find something else."),
     ("I'd love to go somewhere sunny for the offsite.",)),
    (r"\bstay(?:ing)? (?:at|with|in|where i am at) my (?:current|present|old) (?:job|role|company|employer|position|firm)",
     ("I'll just stay at my current company.",),
     ("I'm staying at my sister's place during the move.",)),
    (r"\bstay(?:ing)? (?:put|where i am)\b",
     ("Then I'm staying put.",),
     ("I'll stay late to finish the handover.",)),
    (r"\b(?:won't|will not|wouldn't|not) be (?:joining|coming|signing|starting|accepting|on board)",
     ("I won't be joining at that rate.",),
     ("I'll be joining on Monday.",)),
    (r"\b(?:don't know|not sure|unsure|can't say) (?:if |whether |that )?i'(?:ll|d)? ?(?:still )?(?:be )?(?:join|joining|coming|come|sign|start|accept|on board)",
     ("I'm not sure I'd still join at that number.",),
     ("I'm sure I'll join.",)),
    (r"\bwhether (?:i|it) (?:still )?(?:makes sense|come|join|is (?:still )?the right)",
     ("I'm asking myself whether it still makes sense.",),
     ("Whether we start in May or June is up to you.",)),
    # Ending the relationship in idiom: "part ways", "let the offer go",
    # "start the search over", "act accordingly".
    (r"\bpart(?:ing)? ways\b|\b(?:go|going) (?:our|my|separate) (?:separate )?ways\b|\b(?:let|letting) (?:the|this|your) offer go\b|\bact accordingly\b",
     ("Then I think we part ways.", "If so, I'll act accordingly."),
     ("Let's go over the offer together.",)),
    (r"\b(?:start|restart|begin|reopen|re-?open) (?:the|your) (?:search|hiring|recruiting|process) (?:over|again|from scratch)\b|\bback to the drawing board\b|\bfind (?:someone|somebody) else\b",
     ("Maybe you should find someone else.",),
     ("Someone else on the team mentioned the bonus.",)),
    (r"\bcan't see (?:this|it|us|things|myself) (?:going anywhere|working(?: out)?|happening|going ahead|moving forward)\b",
     ("I can't see this working out at 80k.",),
     ("I can see this working out.",)),
    (r"\b(?:i'm|i'll|i will|i am|i'd|i would) (?:\w+ )?(?:be )?(?:signing|sign) with (?!you\b|your\b|the team\b|it\b|this\b|that\b)\w+",
     ("I'm signing with Acme on Friday.",),
     ("I'd be signing with you if the base moved.",)),
    (r"\b(?:pursue|pursuing|take|taking|accept|accepting) (?:the|an|that) (?:opportunity|offer|role|position|job) (?:with|at|from) (?!you\b|your\b|this\b|the company\b)\w+",
     ("I'll be taking the role at Stripe.",),
     ("I'm excited about taking the role with you.",)),
    (r"\b(?:take|taking|accept|accepting) (?:the|their) (?!(?:offer|revised|new|updated|current|original|same|improved|final|whole|first|second|initial|written|formal|verbal|\d+k?|" + PLACE_WORDS + r")\b)[\w-]+ offer\b",
     ("I'll accept the Google offer.",),
     ("I'll accept the revised offer.",)),
    # Future-progressive and passive consequences: "I'll be declining",
    # "the acceptance will have to be withdrawn".
    (r"\b(?:i'll|i will|i'd|i would) (?:\w+ )?be (?:declining|walking(?: away)?|withdrawing|pulling out|backing out|stepping (?:back|away)|looking elsewhere|passing|moving on)\b",
     ("I'll be declining then.", "I'd be walking away."),
     ("I'll be moving to Denver in June.",)),
    (r"\b(?:my |the )?(?:acceptance|signature|yes|agreement|commitment) (?:will|would|may|might) (?:\w+ )?(?:have to |need to )?be (?:withdrawn|rescinded|retracted|revoked|reconsidered|revisited)\b",
     ("My acceptance would have to be withdrawn.",),
     ("My acceptance letter has been signed.",)),
    # Formal and understated consequences: "free to pursue other
    # engagements", "my answer changes", "can't join at that number",
    # "do you think I'd stay long if ...?".
    (r"\b(?:free|at liberty) to (?:pursue|explore|accept|consider|entertain|take up) (?:other|another|alternative|outside)\b|\bmy (?:answer|decision|yes|acceptance) (?:changes|will change|would change|becomes (?:a )?no|is (?:a )?no)\b",
     ("I'd feel free to pursue other opportunities.", "Then my answer is no."),
     ("I'm free to start on the 3rd.",)),
    (r"\b(?:think|expect|imagine) (?:\w+ )?i(?:'d| would| will|'ll) (?:stay|last|stick around) (?:long|around|more than|for long)\b",
     ("Do you really think I'd stay long at that salary?",),
     ("I think I'd stay on the team for years.",)),
    (r"\b(?:i'm|i am|i'll be|i will be) off the table\b|\bwe're done\b|\bwe are done\b|\bneither am i\b|\bi'm out\b|\bcount me out\b|\bthe deal is off\b|\bdeal's off\b",
     ("Then I'm out.", "Count me out."),
     ("I'm outside the office today.",)),
    # Refusing to stay, after a counteroffer: "without X I won't (even
    # consider) staying", "I shan't stay a day longer", "I cannot stay".
    (r"\b(?:won't|will not|shan't|shall not|can't|cannot|not going to|wouldn't|would not|couldn't|could not|not) (?:be )?(?:even )?(?:consider(?:ing)? )?(?:stay(?:ing)?|remain(?:ing)?)\b(?! (?:late|on the (?:call|line)|in touch|quiet|silent|up|over|overnight|for (?:the|lunch|dinner)))",
     ("Without a $10,000 retention bonus, I won't even consider staying.", "Without the title I cannot stay."),
     ("I'll stay late tonight to finish.",)),
    # Leaving, said as the price of a condition: "under 110k and I'm gone",
    # "if there's no bonus then I'm just gonna go".
    (r"(?<!\bif\s)(?<!\bwhen\s)(?<!\bonce\s)(?<!\bthat\s)(?<!\bbecause\s)\bi(?:'m| am) (?:just )?(?:gone|outta here|out of here|leaving)\b(?! (?:at|early|for|the|work|now|today|tonight|tomorrow|soon|on|in \d+ minutes|to|after|before|a |my |in a (?:minute|moment|sec))\b)|\bi(?:'m| am) (?:just )?(?:gonna|going to) go\b(?! (?:ahead|back|through|over|with|to|for|on|and|home|check|get|see|ask|talk|find|sign|look|out|in|into|by|via|along|forward|grab|make|think|pick|run|put|do)\b)",
     ("ngl under 110k and im gone", "if there's no retention bonus then I'm just gonna go"),
     ("I'm leaving at five today.", "I'm going to go ahead and sign.", "What is the main concern for you if I am leaving?")),
)]

# Consequences that count only with a condition in their sentence (a
# resignation that goes ahead is a decision, not a threat, unless it is the
# price of something): "if there is no bonus, my resignation continues".
_CONSEQUENCE_IF = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:go(?:ing)? ahead|proceed(?:ing)?|follow(?:ing)? through|stick(?:ing)?|stay(?:ing)?) with (?:my |the )?(?:resignation|notice|decision to leave|plan to leave)\b|\bmy (?:resignation|notice|decision) (?:stands|continues|remains|is final|goes ahead|still stands|holds|is not negotiable)\b|\b(?:won't|will not|not|never|not going to|am not|i'm not) (?:be )?(?:withdraw|withdrawing|retract\w*|rescind\w*|pull\w*|tak(?:e|ing) back) (?:my )?resignation\b",
     ("If retention bonus is not there, then I will be going ahead with my resignation.", "If there is no bonus of retention, my resignation continues."),
     ("I'm withdrawing my resignation.",)),
)]

# Ultimatum shapes that are threats on their own.
_ULTIMATUM = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:not|non-?) ?negotiable\b|\bdeal ?-?breaker\b|\btake it or leave it\b|\bfinal offer\b|\bmy final answer\b",
     ("Remote work is non-negotiable for me.", "That's my final offer."),
     ("Everything is negotiable, right?",)),
    (r"\bfor me to (?:sign|accept|join|come on board|say yes)\b",
     ("I'd need 120k for me to sign.",),
     ("Please send the contract for me to review.",)),
    (r"\bthe only way (?:i|i'll|i'd|i will|i would) (?:\w+ )?(?:accept|sign|join|say yes|come on board|stay)\b|\bi (?:will|'ll|would) only (?:accept|sign|join)\b",
     ("The only way I'd accept is with a 10% raise.", "I will only sign at 130k."),
     ("The only way to the office is by train.",)),
    (r"\bi'll give you (?:until|till|til|'til|up to|\d|one|two|a|the|24|48)",
     ("I'll give you until Friday to decide.",),
     ("I'll give you my references tomorrow.",)),
    (r"\byou have (?:until|till|\d+ (?:hours|days))\b",
     ("You have until Monday.", "You have 48 hours."),
     ("Do you have time on Monday?",)),
    (r"\b(?:shame|pity) (?:to|if) (?:lose|lost|losing|you lost|we lost|this)",
     ("It'd be a shame to lose this over 5k.",),
     ("It's a shame the office is so far.",)),
    (r"\blose (?:a good hire|a strong hire|a great hire|me|your (?:top|best) candidate|the candidate)\b",
     ("You're going to lose me over 5k.",),
     ("I don't want to lose momentum.",)),
    (r"\bno [a-z]+,? no (?:deal|me|signature|joining|dice)\b",
     ("No remote, no deal.",),
     ("No problem, no rush.",)),
    (r"\b(?:rather not|hate to|don't want to|not want to) (?:have to )?choose between\b|\bmake me (?:reconsider|rethink|walk|think twice|change my mind)\b",
     ("That would make me reconsider.", "I'd rather not choose between you and them."),
     ("I had to choose between two teams once.",)),
    (r"\b(?:prepared|ready|willing|not afraid|happy) to use (?:them|it|that|my options|my leverage|the other offer)\b",
     ("I'm prepared to use the other offer.",),
     ("I'm happy to use my own laptop.",)),
    (r"\bdeciding factor\b|\bbottom line\b(?=[^.?!]*\bor\b)",
     ("Pay is the deciding factor.", "Bottom line: 130k or I walk."),
     ("The bottom line is I like the team.",)),
    (r"\beither i get\b|\bor i walk\b|\bor i'm gone\b|\bor i'm out\b|\bor we're done\b|\bor no deal\b|(?<!all\s)\bor (?:nothing|bust)\b|\bor i'm (?:taking|going with|signing with|accepting) (?:it|them|that|theirs|their offer)\b",
     ("Match it or I walk.", "Three remote days or I'm out."),
     ("It feels a bit all or nothing.",)),
    (r"\b(?:i'd|i would) hate (?:for )?(?:this|it|things|everything|us|the (?:whole )?(?:deal|offer|move|thing|process)) to (?:fall through|fall apart|collapse|not (?:work out|happen|go ahead)|end)\b",
     ("I'd hate for this to fall apart over a few thousand.",),
     ("I'd hate to miss the team offsite.",)),
    (r"\b(?:i'd|i would) hate (?:to|for) (?:have to )?(?:rethink|reconsider|walk|withdraw|pull|back|lose|leave|turn|go|take|look|revisit|step)",
     ("I'd hate to walk away from this.",),
     ("I'd hate to miss the offsite.",)),
    # Threats asked as questions or as regret: "would it really be worth
    # losing me over a few thousand?", "do you want me to walk away over
    # this?", "I'd hate for us to part ways over a remote day", "is Denver
    # the hill you want to die on?".
    (r"\b(?:worth|want to risk|prepared to risk|willing to risk|risk) (?:\w+ )?(?:losing|lose) (?:me|this hire|your hire|a hire|the hire|your candidate)\b|\b(?:los(?:e|ing) me|walk(?:ing)? away|part(?:ing)? ways|go(?:ing)? elsewhere|turn(?:ing)? (?:this|it) down) over (?:a |an |the |this|that|\w+ )",
     ("Is it really worth losing me over 5k?", "Would you walk away over a remote day?"),
     ("It's worth losing a little base for more equity.",)),
    (r"\bwant me to (?:walk|leave|go elsewhere|turn (?:it|this) down|take the other|decline|withdraw|back out|pull out)\b|\bhill (?:\w+ ){0,5}(?:to )?die on\b",
     ("Do you want me to walk away over this?", "Is Denver really the hill you want to die on?"),
     ("Do you want me to send the signed copy?",)),
    # A refusal at the current terms: "I can't join at that number".
    (r"\b(?:can't|cannot|won't|couldn't|wouldn't) (?:join|sign|accept|come on board|say yes) (?:at|for|with|on|under) (?:that|this|those|these|the current|\$?\d)",
     ("I can't accept at that number.", "I won't sign for 90k."),
     ("I can't wait to join the team.",)),
    # A figure or term stated as the price of signing: "I need 135 base to sign".
    (r"\b(?:need|want|require) (?:at least )?(?:\d[\d.]* ?%|\$? ?\d[\d,.]*k?)(?: [a-z]+)? (?:to|before i|or i won't) (?:sign|accept|say yes|join|come on board|proceed|move forward|go ahead)\b",
     ("I need 135k base to sign.", "I need at least $120,000 before I sign."),
     ("I need a few days to sign the paperwork.",)),
    (r"\bno (?:other )?choice but to (?:walk|withdraw|decline|pull|back|leave|take|go|look|reconsider|pass|accept the other|turn)",
     ("You leave me no choice but to decline.",),
     ("I had no choice but to relocate last time.",)),
    # "X, or I'm done", "Otherwise I leave.", "..., else I am joining them".
    (r"\b(?:or|otherwise|or else)\W+(?:i'm |i am |i'll |i will |i )?(?:just )?(?:done|gone|leaving|leave|quit(?:ting)?|resign(?:ing)?)\b|\b(?:or|otherwise|or else)\W+(?:i'm |i am )out\b|\bor (?:i'm |i am |i'll |i will |i )?(?:sign(?:ing)?|join(?:ing)?|go(?:ing)?) (?:with|to) (?!you\b|your\b|the team\b|the office\b|lunch\b|bed\b)\w+|[,;] ?else\W+i(?:'m| am|'ll| will)? (?:\w+ )?(?:join|sign|go|leav|tak|walk|quit|resign)\w*",
     ("Retention bonus, or I'm done.", "Two office days. Otherwise I leave.", "Confirm it by today evening, else I am joining the other company.",
      "Two days of office or I am out, no more discussion."),
     ("Should I leave it or wait?", "Either Tuesday or Thursday works.")),
    # "..., or there is nothing more to discuss", "then no deal", "or forget
    # it", "this is final from my side".
    (r"\b(?:or|otherwise|or else)\W+(?:there(?:'s| is) )?(?:really )?(?:nothing (?:more |else |left |further )?to (?:discuss|talk about|say)|no (?:deal|point (?:in )?(?:talking|continuing|discussing))|forget (?:it|about it|the whole thing)|we're done|we are done|it's over)\b|\bthen\W+(?:no deal|we're done|we are done|there(?:'s| is) nothing (?:more |else |left )?to (?:discuss|talk about))\b",
     ("$112,000 and the title, or there is really nothing more to discuss.", "no retention bonus?? then no deal", "give me the title and 108k by eod or forget it"),
     ("If there's nothing more to discuss, thanks for your time.", "Then no worries, talk soon.")),
)]

# A condition or a deadline that makes a consequence coercive.
_CONDITION = rx(
    r"\b(?:if|unless|otherwise|or else|or|either|after that|failing that|if not|should|in case|"
    r"until|by (?:friday|monday|tuesday|wednesday|thursday|saturday|sunday|tomorrow|tonight|eod|end of)|"
    r"as long as|without|absent|barring|failing|then|below|under|less than|short of|one way or (?:the )?other|one way or another)\b|[,;] ?else\b",
    yes=("If the base doesn't move, I'll leave.", "Match it by Friday or I walk."),
    no=("I'll leave the details to HR.",),
)
# Modal framing that makes a consequence a declared intention even without "if".
_RESOLVE = rx(
    r"\b(?:prepared|ready|willing|forced|compelled|obliged|going|have|need) to\b|"
    r"\bno choice\b|\bi'(?:ll|d) have to\b|\bi will have to\b|\bi'm (?:seriously )?considering\b",
    yes=("I'm prepared to walk.", "I'll have to decline."),
    no=("I'd love to join.",),
)
# Talking about threats to reject them ("this isn't a threat").
_DISAVOWAL = rx(r"\b(?:not|no|never|n't|isn't|not a|without) (?:\w+ ){0,2}(?:threat|threatening|ultimatum|pressure|pressuring)",
                yes=("This isn't a threat, just where I am.",),
                no=("That sounds like a threat.",))


_ELIDED = rx(r"[^.?!]{0,30}\bbut i(?:'ll| will| would|'d)(?: have to| still)?\b[^.?!]{0,12}\b(?:if|unless)\b",
             yes=("I'd rather not walk away, but I will if the answer is no.",),
             no=("I'd rather not walk away, but I'm hopeful we can agree.",))

# A condition whose consequence is going to the competition: "if Seattle
# isn't an option, I'll have to weigh up the other offer".
_NEG_CONDITION = rx(r"\b(?:if|unless)\b[^.?!]{0,60}\b(?:not|n't|no|never|isn't|can't|won't|doesn't|off the table)\b|\bunless\b|\botherwise\b|\bor else\b|[,;] ?else\b",
                    yes=("If remote isn't an option, I'll take the other offer.", "Otherwise I'll look elsewhere."),
                    no=("If the numbers work, I'm in.",))


# An ultimatum quoted, reported or imagined rather than made: "I won't say
# 'promote me or I quit'", "my cousin says I should demand 20% or leave",
# "if I was a different kind of person I would say match or I am leaving".
_NOT_MY_WORDS = rx(r"\b(?:won't|wouldn't|would|will not|not going to|never|don't|do not|didn't|should|could|might|not)\s+(?:\w+\s+)?(?:say|tell you|demand|do the|write|play the)\b|\b(?:he|she|they|people|everyone|someone|somebody|hr|recruiter|wife|husband|partner|cousin|mum|mom|dad|father|mother|brother|sister|accountant|mentor|boss|friend|friends|colleague|colleagues|manager)(?:-in-law)? (?:says|said|told|tells|thinks|reckons)\b|\bi heard\b|\btold (?:me|him|her|them|my|us)\b",
                   yes=("if I was a different kind of person I would say ", "My cousin says I should demand 20% "), no=("I'll say it plainly: ", "I told you, "))
_QUOTED = re.compile(r"(?<![a-z])'[^'\n]{2,60}'(?![a-z])|\"[^\"\n]{2,80}\"")


def _unquoted(text: str) -> str:
    """``text`` with quoted words blanked (length kept): 'take it or leave
    it' quoted back at the manager is their phrase, not an ultimatum."""
    return _QUOTED.sub(lambda mt: " " * len(mt.group(0)), text)


def threat(m: Message) -> Span | None:
    plain = _unquoted(m.norm) if ("'" in m.norm or '"' in m.norm) else m.norm
    for p in _ULTIMATUM:
        for mt in p.finditer(plain):
            s = mt.start()
            if m.negated(s, window=3):
                continue
            sa, _ = m.sentence_at(s)
            if _NOT_MY_WORDS.search(m.norm, sa, s):
                continue
            return mt.span()
    for span in _alternative_matches(m):
        sa, sb = m.sentence_at(span[0])
        cond = _NEG_CONDITION.search(m.norm, sa, sb)
        if cond and cond.start() < span[0] and re.search(r"\b(?:i'll|i will|i'd|i would|i'm going|i have to|i'll have to|i may|i might|i(?:'m| am) (?:joining|taking|signing|accepting|going))\b", m.norm[cond.start():span[0]]):
            return span
    for p in _CONSEQUENCE:
        for mt in p.finditer(m.norm):
            s, e = mt.span()
            if m.negated(s, window=4):
                # "I'd rather not walk away, but I will if the answer is no"
                if _ELIDED.match(m.norm, e, m.sentence_at(s)[1]):
                    return s, e
                continue
            sa, sb = m.sentence_at(s)
            before = m.norm[sa:s]
            # A disavowal right before the consequence ("not threatening to
            # walk") talks about the threat rather than making it.
            if _DISAVOWAL.search(m.norm[max(sa, s - 40):s]) and not _CONDITION.search(before):
                continue
            if _NOT_MY_WORDS.search(before):
                continue
            sentence = m.norm[sa:sb]
            prev = m.norm[max(0, sa - 120):sa]
            if (_CONDITION.search(sentence) or _RESOLVE.search(before[-40:])
                    or re.search(r"\b(?:if|unless|by)\b[^.?!]*[.?!]?\s*$", prev)
                    or re.search(r"\bafter that\b", before)):
                return s, e
    for span in m.iter_matches(_CONSEQUENCE_IF, negatable=True, window=4):
        sa, sb = m.sentence_at(span[0])
        if _DISAVOWAL.search(m.norm, max(sa, span[0] - 40), span[0]):
            continue
        if _CONDITION.search(m.norm, sa, sb) or re.search(r"\b(?:if|unless)\b[^.?!]*[.?!]?\s*$", m.norm[max(0, sa - 120):sa]):
            return span
    return None


# Taking a resignation back is staying, not a threat: the model, which has
# learned "withdraw" from threats, may not read one into it (detector.rule_spans).
_NOT_THREAT = [rx(r"\b(?:withdraw(?:ing)?|retract(?:ing)?|rescind(?:ing)?|pull(?:ing)?|tak(?:e|ing) back|cancel(?:l?ing)?) (?:my |the )?resignation\b|\bresignation (?:is |as )?(?:withdrawn|rescinded|retracted|cancelled|canceled)\b",
                  yes=("Yes, this is working for me. I am withdrawing my resignation and accepting.",),
                  no=("I'll withdraw my acceptance.",))]


def threat_ruled_out(m: Message) -> bool:
    """A message that takes back a resignation (not in a negated clause)."""
    return m.find(_NOT_THREAT, negatable=True, window=4) is not None


# What a threat's condition can name: a term of the offer, a figure, a place.
_CHANGE_TERM = rx(
    r"\b(?:remote|hybrid|wfh|title|equity|bonus|base|salary|pay|relocation|transfer|"
    r"start date|bump|raise|increase|improves?|improved|goes up|number|package|rsus?|stock|flexibility|four-day week)\b(?! policy)|"
    r"\b(?:move|place|put|transfer|relocate|base|station) me\b|"
    r"\$ ?\d|\b\d+ ?%|\b\d{2,3}(?:k|,\d{3})?\b(?! ?(?:am|pm|hours?|days?|weeks?|months?|minutes?|mins?|years?)\b)|"
    r"\b(?:(?:in|to|get|into) )?(?:the )?(?:" + PLACE_WORDS + r")\b",
    yes=("If remote isn't possible, I'm out.", "Unless the base gets to 140k, I'll pass."),
    no=("If you can't do it, I'll go with them.",),
)
_PROPER_PLACE = re.compile(r"\b(?:in|to|get|into|if|unless|whether|without|no|on|for) (?:the )?([A-Z][a-z]+)\b|\b([A-Z][a-z]+) (?:office|branch|placement|transfer|move|posting|seat|isn't|is not|is off|can't|doesn't|won't)\b")


def threat_names_change(m: Message, span: Span) -> Span | None:
    """The change a threat demands, if its sentence names one ("if remote
    isn't on the table, ...", "or I'm out" after "three remote days")."""
    sa, sb = m.sentence_at(span[0])
    if re.match(r"(?:after that|otherwise|if not|failing that|or else|without (?:it|that|this))\b", m.norm[sa:sb]):
        prev = [x for x in m.sents if x[1] <= sa]
        if prev:
            sa = prev[-1][0]
    # "If the offer stays where it is" keeps the terms (the consequence
    # itself, "I'll stay where I am", is left out of the check).
    if STATUS_QUO.search(m.norm[sa:span[0]]) or STATUS_QUO.search(m.norm[span[1]:sb]):
        return None
    for mt in _CHANGE_TERM.finditer(m.norm, sa, sb):
        if span[0] <= mt.start() < span[1]:
            continue
        if re.search(r"\b(?:about|regarding|re)\s+$", m.norm[max(sa, mt.start() - 10):mt.start()]):
            continue
        if re.search(r"\b(?:insists?|insisting|keep me|stay|stuck|staying) (?:on|in) (?:the )?$", m.norm[max(sa, mt.start() - 16):mt.start()]):
            continue
        if mt.group(0).startswith("the "):  # "the office question": no named change
            continue
        return mt.span()
    for mt in _PROPER_PLACE.finditer(m.original, sa, sb):
        g = 1 if mt.group(1) else 2
        if mt.group(g).lower() in NOT_A_PLACE or mt.start(g) == sa:
            continue
        if re.search(r"\b(?:insists?|insisting|keep me|stay|stuck|staying) (?:on|in) (?:the )?$", m.original[max(sa, mt.start(g) - 16):mt.start(g)].lower()):
            continue
        return mt.start(g), mt.end(g)
    return None


# ---------------------------------------------------------------------------
# mentions_alternative
# ---------------------------------------------------------------------------

# Well-known employers, named as competing offers ("Google came back at 140").
_COMPANY = alt(
    r"google", r"alphabet", r"meta", r"facebook", r"amazon", r"aws", r"apple", r"microsoft", r"netflix",
    r"stripe", r"shopify", r"datadog", r"atlassian", r"salesforce", r"oracle", r"ibm", r"intel", r"nvidia",
    r"uber", r"lyft", r"airbnb", r"spotify", r"snowflake", r"databricks", r"openai", r"linkedin", r"tesla",
    r"deloitte", r"accenture", r"pwc", r"kpmg", r"ey", r"mckinsey", r"bain", r"bcg", r"goldman(?: sachs)?",
    r"jp ?morgan", r"morgan stanley", r"barclays", r"hsbc", r"citi(?:bank|group)?", r"capital one", r"palantir",
    r"adobe", r"cisco", r"twilio", r"coinbase", r"robinhood", r"doordash", r"instacart", r"pinterest",
    r"dropbox", r"hubspot", r"workday", r"servicenow", r"intuit", r"paypal", r"revolut", r"monzo", r"klarna",
    r"siemens", r"sap", r"bloomberg", r"ibm", r"infosys", r"tcs", r"wipro", r"cognizant", r"capgemini",
)

_ALTERNATIVE = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:another|other|competing|competitive|second|outside|external|rival|different|alternative) (?:job |written |formal |verbal )?(?:offers?|compan(?:y|ies)|firms?|employers?|jobs?|opportunit(?:y|ies)|options|startups?|organi[sz]ations?|bidders?)\b",
     ("I have another offer at 130k.", "There's a competing firm interested."),
     ("I have another question about the bonus.",)),
    (r"\bthe other (?:company|firm|employer|job|offer|opportunity|place|kitchen|restaurant|studio|lab|gig|contract|position|role)\b(?! (?:office|team))",
     ("The other company offered more equity.",),
     ("Is the other team hiring too?",)),
    # Other kinds of employer: "another school", "a second bank".
    (r"\b(?:another|other|competing|rival|second|different) (?:schools?|banks?|fintechs?|consultanc(?:y|ies)|agenc(?:y|ies)|hospitals?|trusts?|universit(?:y|ies)|labs?|studios?|retailers?|districts?|charit(?:y|ies)|startups?)\b",
     ("Another school has offered me a head of year post.",),
     ("I went to school in Leeds.",)),
    # Comparing offers: "weighing this against", "comparing it with".
    (r"\b(?:weigh|weighing|compare|comparing|stack|stacking|set|setting) (?:this|it|your offer|the offer|you|yours|the package) (?:up )?(?:against|with|next to)\b(?! (?:my|the) (?:current|market|budget|expectations?))",
     ("I'm weighing this against an offer from a startup.",),
     ("I'm comparing the offer with my current pay.",)),
    # The current employer trying to keep the candidate: a counter-offer.
    (r"\b(?:my (?:current|present) (?:\w+ )?(?:employer|manager|boss|company|firm|school|trust|hospital|job)|(?:the \w+(?: \w+)?|where) i (?:currently )?work (?:for|at)?)\b[^.?!]{0,30}\b(?:offered|offering|counter\w*|wants? me to stay|asked me to stay|promot\w*|match\w*)\b",
     ("My current employer has offered to match it.", "My current manager wants me to stay."),
     ("My current employer doesn't do remote.",)),
    # Interviews elsewhere: "a second interview lined up with an ed-tech company".
    (r"\binterviews? (?:\w+ ){0,3}(?:with|at) (?:a|an|another|other|two|three|some|several) (?:[\w-]+ ){0,2}(?:compan(?:y|ies)|firms?|startups?|banks?|employers?|agenc(?:y|ies)|consultanc(?:y|ies)|schools?|hospitals?|competitors?)\b",
     ("I have a second interview lined up with an ed-tech company.",),
     ("My interview with your team went well.",)),
    (r"\b(?:chasing|wooing|courting) me\b|\bother engagements\b",
     ("Two recruiters are chasing me right now.", "I have other engagements to consider."),
     ("I'm chasing the paperwork.",)),
    (r"\btheir \$?\d[\d,.]*k? (?:\w+ )?(?:comp|package|base|salary|offer|total)\b|\b(?:vs\.?|versus|against) (?:their|theirs)\b",
     ("Their 140k base is hard to ignore.", "Your offer versus theirs is a big gap."),
     ("Their team seems great.",)),
    (r"\bmy other (?:offers?|options)\b(?! (?:for|was|is) (?:lunch|dinner|breakfast|coffee|drinks?|tonight|the (?:weekend|evening|holidays|trip)))",
     ("My other offer closes Friday.",),
     ("My other option for lunch is the canteen.",)),
    (r"\ba competitor\b|\bcompetitors?'? (?:offer|has|have|offered|came)|\bcompeting\b",
     ("A competitor reached out last week.",),
     ("I want to be competitive with the market.",)),
    (r"\b(?:an?|my|the|their|his|her) (?:\w+ )?offer (?:from|at(?! all)|with (?:a|an|another)) (?!you\b|your\b|the company\b|this\b)",
     ("I have an offer from a fintech.",),
     ("I'm grateful for the offer from you.",)),
    (r"\binterest from (?:a |some |two |three |a couple of |a few |several |other )?(?:\w+ )?(?:agencies|companies|firms|recruiters|employers|places|startups|banks|teams)\b|\b(?:recruiters?|headhunters?|agencies) (?:\w+ ){0,3}(?:reached out|reaching out|contacted|contacting|approached|approaching|interested|called|calling|offered|in touch)\b",
     ("A few recruiters have reached out this month.", "I've had interest from two other agencies."),
     ("I'm not a recruiter.",)),
    (r"\b(?:got|get|have|had|received|recieved|receive|holding|hold|landed) (?:two|another|other|second|multiple|several|a second|a competing|an outside|a new|one more|an additional|a further) (?:\w+ )?offers?\b(?! (?:letter|from you|from your))",
     ("I've received a competing offer.", "I have two offers on the table."),
     ("I have a new offer letter from you to sign.",)),
    (r"\b(?:offered|offering|offer) me (?:\$?\d|a (?:job|role|position|spot|place|seat)|more|remote|\w+ more)",
     ("They offered me 125k.", "A startup is offering me a role."),
     ("You offered me the role last week, thanks.",)),
    (r"\b(?:made|make|makes|making|extended|gave|given) me (?:an?|their|a competing|a formal|a verbal) (?:\w+ )?offer\b",
     ("A startup made me an offer yesterday.",),
     ("You made me feel welcome.",)),
    (r"\boffers? (?:\w+ )?(?:elsewhere|from elsewhere)\b|\b(?:bigger|better|higher|larger|stronger|richer) (?:offer|package|deal) (?:elsewhere|from|at|on the table)\b",
     ("I've had a better offer from another firm.",),
     ("Can you make a better offer?",)),
    (r"\b(?:go|going|head|heading) back to (?:my )?(?:old|current|previous|present|last) (?:firm|job|employer|company|role|team|boss)\b|\bmy (?:old|previous|current) (?:firm|employer|boss|company) (?:wants|would take|offered|has offered|is offering)\b",
     ("My old firm wants me back.", "I could go back to my previous employer."),
     ("My old firm was in Leeds.",)),
    (r"\bmy other (?:\w+ )?(?:commitment|offer|option|opportunity)s?\b(?! (?:for|was|is) (?:lunch|dinner|breakfast|coffee|drinks?|tonight|the (?:weekend|evening|holidays|trip)))|\b(?:sniffing around|courting me|interested in me|trying to poach)\b",
     ("I have to weigh my other opportunity.", "A couple of firms are sniffing around."),
     ("My other commitment is dinner with my family.",)),
    (r"\boffer (?:\w+ )?instead\b|\b(?:is|are) waiting (?:on|for) (?:my|an) (?:answer|decision|reply|response)\b",
     ("Two firms are waiting for my decision.",),
     ("I'm waiting for your answer.",)),
    (r"\bcame back with (?:an|a|their) (?:\w+ )?offer\b",
     ("Stripe came back with a stronger offer.",),
     ("HR came back with questions.",)),
    (r"\b(?:talking|interviewing|speaking|in talks|in conversations?) (?:to|with) (?:other|another|a few other|some other|two other|several)\b",
     ("I'm talking to other companies too.",),
     ("I'm talking to my partner about it.",)),
    (r"\b(?:final|late|later|last) (?:rounds?|stages?) (?:with|at) (?:two |a few |some |another |other )",
     ("I'm in final rounds with two other firms.",),
     ("The final round with your CTO went well.",)),
    (r"\binterviewed (?:with|at) (?:a|another|other|two|some)\b",
     ("I've interviewed with another bank.",),
     ("I interviewed with your team on Tuesday.",)),
    (r"\b(?:final|last|late|advanced|second|third) (?:stage|stages|round|rounds|interviews?) (?:with|at|for) (?!you\b|your\b|this\b)",
     ("I'm at the final stage with a competitor.",),
     ("I'm excited about the final round with you.",)),
    (r"\b(?:approached|contacted|headhunted|courted|poached) by\b|\b(?:a|another) rival\b|\bcompetitors?\b",
     ("I was approached by a recruiter.", "A rival has been in touch."),
     ("I was asked about a promotion.",)),
    (r"\binterviewing (?:elsewhere|around|with others)\b|\btalking to (?:a few|some|other) (?:places|companies|firms|people)\b",
     ("I'm interviewing elsewhere too.",),
     ("I'm interviewing candidates for my team.",)),
    # Someone else's counteroffer is an alternative; the listener's own ("your
    # counteroffer", "the counteroffer" under discussion) is the offer on the table.
    (r"\b(?:a|another|their|his|her|my (?:\w+ )?(?:employer|manager|boss|company)(?:'s)?)(?: \w+)? counter ?-?offers?\b|\bcounter ?-?offers? (?:from|by) (?!you\b)",
     ("My manager made a counter-offer.", "They gave me a counteroffer.", "My current employer's counteroffer is strong.",
      "I got a counter-offer from my boss."),
     ("Can we count on a bonus?", "Can I have until Monday to think about your counteroffer?",
      "Who makes the final decision on the counteroffer, you or the director?", "Thank you for the counteroffer.")),
    (r"\b(?:stay(?:ing)? (?:at|with|in)|keep(?:ing)?) my (?:current|present) (?:job|role|company|employer|position|firm)",
     ("I might just stay at my current company.",),
     ("I stayed at my current company for five years.",)),
    (r"\b(?:holding|hold|keeping|saving) (?:a|the|my|that) (?:spot|place|seat|role|position|offer) (?:open )?for me\b",
     ("They're holding the role open for me.",),
     ("Thanks for holding the meeting for us.",)),
    (r"\b(?:want|wants|need|needs|expect|expects|asked for) (?:my|an) answer by\b",
     ("They want an answer by Friday.",),
     ("I'll give you an answer by Friday.",)),
    (r"\b(?:their|theirs|the other) (?:offer|deadline)\b|\brespond to their\b",
     ("Their offer expires on Monday.", "I need to respond to their recruiter."),
     ("Their office is near me.",)),
    (r"\b(?:recruiter|headhunter|talent partner|talent acquisition) (?:from|at) \w+",
     ("A recruiter from Shopify called me.",),
     ("I'm a former recruiter myself.",)),
    (r"'s (?:talent|recruiting|hr|people) team (?:\w+ ){0,2}(?:called|contacted|reached out|emailed|approached|messaged)\b",
     ("Monzo's talent team called me yesterday.",),
     ("Your HR team called me yesterday.",)),
    (r"\b(?:reached out|approached me|headhunt\w*|poach\w*)\b",
     ("Someone reached out on LinkedIn.", "A startup approached me last week."),
     ("I'll reach out to HR.",)),
    (r"\b(?:a|an|another|one|two|a couple of|some) (?:\w+ ){0,2}(?:consultancy|consultancies|firms?|compan(?:y|ies)|startups?|banks?|agenc(?:y|ies)|employers?|competitors?|recruiters?|headhunters?) (?:\w+ ){0,3}(?:has|have|had|is|are|was|were|got) (?:been )?(?:in touch|interested|keen|courting|chasing|approaching|reaching out|in contact)\b",
     ("Another consultancy has been in touch.",),
     ("Another consultancy was bought last year.",)),
    (r"\b(?:other|more) (?:irons in the fire|options on the table|doors open)\b|\bother options\b",
     ("I have other irons in the fire.", "I do have other options."),
     ("What options do I have for the start date?",)),
    (r"\b(?:turned|turning) down (?:an?|the|their|another) (?:\w+ )?(?:offer|role|job)\b",
     ("I turned down another offer to talk to you.",),
     ("I turned down the volume.",)),
    (r"\bi (?:have|'ve got|do have) (?:other |some |a few |plenty of )?options\b",
     ("I have options, you know.", "I do have a few options."),
     ("Do I have any options on the start date?",)),
    (r"\b(?:accept|accepting|sign|signing|go|going|take|taking) (?:an offer |a job |a role )?elsewhere\b|\boffer elsewhere\b|\boffered (?:\w+ ){0,3}elsewhere\b",
     ("I could take an offer elsewhere.", "I've been offered more elsewhere."),
     ("I'd rather not look anywhere else.",)),
    (r"\bmy batna\b|\bplan b\b|\bfallback offer\b",
     ("My BATNA is solid.", "I do have a plan B."),
     ("Let's plan a call.",)),
    (r"\bmy other (?:conversations|processes|interviews|discussions|talks|leads|applications)\b",
     ("My other interviews are going well.",),
     ("My interviews with you went well.",)),
    (r"\b(?:opportunity|offer|role|position|job) (?:with|at|from) (?!you\b|your\b|this\b)\w+ instead\b",
     ("I could take the role at Stripe instead.",),
     ("I'd take the role at your company instead.",)),
    (r"\b(?:take|taking|accept|accepting|go with|going with) (?:the|their) (?!(?:offer|revised|new|updated|current|original|same|improved|final|whole|first|second|initial|written|formal|verbal|\d+k?|" + PLACE_WORDS + r")\b)[\w-]+ offer\b",
     ("I'm leaning toward taking the Stripe offer.",),
     ("I'm taking the revised offer.",)),
    (r"\ban? (?:\w+ )?(?:startup|firm|company|bank|consultancy|agency|scale-?up|fintech|competitor)s? (?:that )?(?:i|i've|i have) (?:\w+ )?(?:spoke|spoken|talked|interviewed|met|been talking|been speaking)\b",
     ("A startup I've been talking to wants me.",),
     ("A startup I founded failed.",)),
    (r"\b(?:a|an|another|one|two|some) (?:[\w-]+ ){0,2}(?:consultancy|firm|company|startup|bank|agency|fintech|scale-?up)s? (?:has|have|had) (?:also )?(?:asked|invited|offered|approached|contacted) me\b",
     ("Another firm has also asked me to interview.",),
     ("Another firm has hired my friend.",)),
    (r"\b(?:one|two|both|all|each) of (?:them|those) (?:has |have )?(?:made|offered|extended|sent)\b",
     ("One of them has made me an offer.",),
     ("One of them is a recruiter.",)),
    (r"\b" + _COMPANY + r"(?:'s)? (?:also |just |finally |already |now |has |have )*(?:came back|come back|offered|offering|extended|pinged|pinging|called|made me|sent me|wants? (?:me|an answer|to hire)|needs? an answer|is at|are at|'s at|pays?|paying|countered|matched|(?:is|are) (?:\w+ )?(?:interested|keen)|reached out|approached|offer|package|number|deadline|recruiter|bonus)\b",
     ("Google came back at 140.", "Amazon's offer is higher."),
     ("I used Google to research salaries.",)),
    (r"\b(?:offer|package|role|position|job|opportunity|interview\w*|interest|round|talks?|talking|speaking|conversations?|signing|sign|joining|going) (?:from|at|with|to) " + _COMPANY + r"\b",
     ("I have an offer from Amazon.",),
     ("I have an offer from a local bakery.",)),
    (r"\b(?:the|their|an?) " + _COMPANY + r" (?:role|offer|job|position|package|opportunity)\b",
     ("The Stripe offer is higher.",),
     ("The Denver role is interesting.",)),
    # The offer the candidate has taken elsewhere: "the offer I accepted / took
    # / have", "their base is $112,000", "I've told another company yes".
    (r"\bthe (?:other |new |outside )?offer (?:that )?i(?:'ve| have)? (?:already |just )?(?:accepted|took|taken|have|got|received)\b(?! (?:from|with) (?:you|your|this|the company|the firm))",
     ("The offer I accepted pays near the top of the market.", "heads up the offer i took is way above 96"),
     ("I'm grateful for the offer I accepted from you.",)),
    (r"\btheir (?:base|salary|offer|package|number|comp|total|figure|pay|title|rate)(?: is| was| of| comes to|'s)? (?:at |around |about |roughly )?\$? ?\d",
     ("To be honest, their base is $112,000 and only two days of office.",),
     ("Their office is near me.",)),
    (r"\b(?:told|telling) (?:another|the other|a|an|one) (?:[\w-]+ ){0,2}(?:company|firm|employer|startup|bank|agency|consultancy|business|competitor) (?:yes|no)\b|\b(?:another|other|competing|rival|outside|external) (?!the\b|a\b|an\b|this\b|your\b|our\b|my\b)[\w-]+ (?:compan(?:y|ies)|firms?|employers?|startups?|banks?|agenc(?:y|ies)|consultanc(?:y|ies))\b(?! (?:office|team|policy|within|in our))",
     ("I've told another logistics company yes, at least for now.", "Another logistics company made me an offer."),
     ("Our other office is in Leeds.", "I'd have to consider opportunities outside the company.")),
)]

# A named employer, in the original text: a capitalised word that is not a
# sentence's first word of speech (pronouns, days, months, places excluded),
# before "'s offer", "offered", "is offering", "wants me": "Northwind offered
# $112k", "Northwind's offer is higher", "Northwind is wanting me to join".
_NAMED_RIVAL = re.compile(
    r"\b(?P<w>[A-Z][A-Za-z&-]+(?:\s[A-Z][A-Za-z&-]+)?)(?:'s|’s)?\s(?:has\s|have\s|also\s|just\s|already\s|now\s|is\s|are\s)*"
    r"(?:offered|offering|countered|matched|wants?\s(?:that\s)?(?:[Mm]e|I)\b|wanting\s[Mm]e|(?<='s\s)(?:offer|package|counter|base|salary|deal)\b|(?<=’s\s)(?:offer|package|counter|base|salary|deal)\b|(?:offer|package|counter|base|salary)\s(?:is|was|of|has|includes|comes|pays)\b)"
    r"|\b(?:offer|package)\s(?:from|at|with)\s(?P<w2>[A-Z][A-Za-z&-]+)\b")
_THE_NAMED = re.compile(r"\b[Tt]he\s(?P<w>[A-Z][A-Za-z&-]+)\s(?:offer|package|counter(?:-?offer)?|deal)\b")
_NOT_A_NAME = frozenset(
    "i you we he she they it this that there here the a an my your our their his her its if so and but or "
    "what who which when where why how could can would should will may might is are was were do does did "
    "hr ceo cto cfo manager management company firm team someone nobody everyone everybody anyone somebody "
    "today yesterday tomorrow last next same higher second first another other one two both my "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december ok okay yes no well also just any every each some all no "
    "lead senior principal staff junior head chief".split())
_ACCEPTED_NAMED = rx(r"\bi(?:'ve| have)? (?:already |just )?(?:accepted|said yes to|signed with|verbally accepted) (?!(?:your|the|this|that|it|an?|my|our|you|them)\b)[a-z][\w&-]+(?:'s (?:offer|role|job|post|position|package))? (?:over|by|via) (?:e-?mail|the phone|phone|text|letter)\b",
                     yes=("just so u know i accepted northwind over email, nothing signed tho",),
                     no=("I accepted your offer by email.",))


# Terms said to be another employer's: "their base is $112,000", "the other
# company is giving me the senior title", "Northwind offered 112".
_RIVAL_SAYS = rx(r"\b(?:their|theirs|the other (?:company|offer|firm|employer|one|side|role|job|place)|they|the offer i (?:accepted|took|have|got))(?:'s)? (?:[\w-]+ ){0,2}(?:is|are|was|were|offers?|offered|pays?|paying|gives?|giving|has|have|had|comes? with|includes?|carries)\b",
                 yes=("To be honest, their base is $112,000.", "tbh the other company is giving me the senior analyst title"),
                 no=("I'd like my base to be $112,000.",))


def rival_terms_only(m: Message) -> bool:
    """Every sentence of the message that names a figure or a term says it is
    the other employer's (and there is at least one)."""
    from .asks import names_terms
    seen = False
    for sa, sb in m.sents:
        if not names_terms(m, sa, sb):
            continue
        seen = True
        if not (_RIVAL_SAYS.search(m.norm, sa, sb) or _named_rival(Message(m.original[sa:sb]))):
            return False
    return seen


def _named_rival(m: Message) -> Span | None:
    for rxp in (_NAMED_RIVAL, _THE_NAMED):
        for mt in rxp.finditer(m.original):
            w = mt.group("w") or mt.groupdict().get("w2")
            first = w.split()[0].lower()
            if first in _NOT_A_NAME or _PLACE_WORD.match(w.lower()):
                continue
            if re.search(r"\b(?:you|your)\b", m.norm[max(0, mt.start() - 12):mt.start()]):
                continue
            return mt.span()
    return m.find([_ACCEPTED_NAMED])


# Signs that an alternative is current despite a past-tense setting.
_NOW = rx(r"\b(?:now|currently|just|this week|last week|yesterday|today|still|again|back to|offered|offering|offer|wants?|matched)\b",
          yes=("They offered me 130k last week.",),
          no=("I worked at Google years ago.",))

_NOT_A_JOB = rx(r"\b(?:lunch|dinner|breakfast|brunch|coffee|drinks?|food|takeout|pizza|bus|train|tube|subway|ferry|cab|taxi|uber|bike|car|drive|flight|hotel|weekend|tonight|today|holiday|vacation|trip|childcare|babysitter|gym|leftovers?)\b",
                yes=("My other option for lunch is the taco truck.",),
                no=("My other option is the Stripe role.",))
_YOUR_SIDE = re.compile(r"\b(?:you|u|you've|youve|your|you guys|the company|the firm)\W+(?:\w+\W+){0,2}$")


_EXISTENCE = re.compile(r"\b(?:have|has|had|got|get|received|receive|pretend|any|there'?s|there is|there are|is|are)\b")


def _alternative_matches(m: Message):
    """Matches not in the scope of a negation that denies having one ("I
    don't have other offers"); "I won't hold the other offer over you"
    still mentions it."""
    for p in _ALTERNATIVE:
        for mt in p.finditer(m.norm):
            s = mt.start()
            if m.negated(s, window=6):
                sa, _ = m.sentence_at(s)
                if _EXISTENCE.search(m.norm[max(sa, s - 40):s]) or re.search(r"\b(?:no|not|never)\s+$", m.norm[max(sa, s - 8):s]):
                    continue
            yield mt.start(), mt.end()
            break


def mentions_alternative(m: Message) -> Span | None:
    return _mentions_alternative(m) or _named_rival(m)


def _mentions_alternative(m: Message) -> Span | None:
    for span in _alternative_matches(m):
        # "my other option for lunch is the taco truck", "... is to take the bus".
        if m.norm.startswith("my other option", span[0]) and _NOT_A_JOB.search(m.norm, span[1], min(len(m.norm), span[1] + 40)):
            continue
        # "I worked at one of your competitors years ago": past-job history.
        sa, sb = m.sentence_at(span[0])
        if HISTORY.search(m.norm, sa, sb) and not _NOW.search(m.norm, sa, sb):
            continue
        # "you made me an offer" is this employer's offer.
        if " me " in m.norm[span[0]:span[1]] and _YOUR_SIDE.search(m.norm[max(0, span[0] - 25):span[0]]):
            continue
        return span
    return None


# ---------------------------------------------------------------------------
# zero_sum
# ---------------------------------------------------------------------------

_ZERO_SUM = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:i|we|you|one of us|whoever|someone|somebody|the other side|your side|my side) (?:\w+ ){0,3}(?:win|wins|won(?!'?t)|winning|lose|loses|losing|beat(?! (?:that|it|this|their|theirs|the offer))|beats)\b(?! (?:a good|a great|the candidate|me|this hire|a strong|the offer|this offer|the opportunity|this opportunity|the job|the role|my chance|the chance))",
     ("If I win, you lose.", "Whoever blinks first loses."),
     ("I don't want to lose this opportunity.",)),
    (r"\b(?:win|winning|lose|losing) (?:this|on|the (?:negotiation|game|round)|this round)\b|\b(?:come|coming) out on top\b",
     ("I plan to win this negotiation.", "I intend to come out on top."),
     ("I hope this works out for everyone.",)),
    (r"\b(?:get|want|wants|have|hire|hiring) me (?:cheap|for cheap|on the cheap|for less|as cheaply)\b|\bi want it to be me\b|\bone of us (?:\w+ ){0,3}(?:happy|ahead|wins|loses|gets)\b",
     ("You just want me cheap.",),
     ("Can you get me the contract?",)),
    (r"\bevery (?:\w+ ){0,2}(?:i get|i win|you give|you concede)\b|\bpush(?:ing)? (?:hard|as hard)\b|\bone you'd rather keep\b",
     ("I'm going to push hard on this.", "Every dollar I get is one you'd rather keep."),
     ("Don't push me to decide today.",)),
    (r"\bwhatever it costs (?:you|your side|the company|the firm)\b|\bat your expense\b|\bbest deal i can\b|\bsqueeze me\b|\bsqueeze (?:you|the company|hr)\b",
     ("You're trying to squeeze me.", "I'll get the best deal I can."),
     ("I'll cover the travel expense myself.",)),
    (r"\bas little as (?:\w+ ){0,4}(?:can|possible|get away)\b|\bget away with\b",
     ("You want to pay as little as you can.", "You're seeing what you can get away with."),
     ("I'd like a little more flexibility.",)),
    (r"\b(?:slice|share|piece) of the pie\b|\bas (?:much|big a \w+|many \w+) (?:\w+ ){0,4}as i can (?:get|squeeze)\b",
     ("I want a bigger slice of the pie.",),
     ("We had pie at the offsite.",)),
    (r"\b(?:intend|plan|want|going|here|need) to (?:win|come out (?:of this )?ahead|come out on top|get (?:as much|every|the most|what i can)|squeeze)\b",
     ("I'm here to win.", "I need to get as much as I can."),
     ("I'm here to learn.",)),
    (r"\b(?:a game|poker|chess|my cards|show(?:ing)? (?:you )?my (?:hand|cards)|tug[- ]of[- ]war|a battle|a fight|a war|zero[- ]sum|leverage for me|the upper hand|over a barrel|blinks? first|hardball)\b",
     ("You're playing hardball.", "I won't show you my cards."),
     ("I don't want to play games with you.",)),
    (r"\b(?:squeeze|extract|wring)(?:s|ing)? (?:out )?(?:every|as much|the most|you)\b|\bevery (?:last )?(?:dollar|penny|cent|pound)\b|\bas much as (?:i|we) can\b|\bget what i can\b|\bas cheap(?:ly)? as possible\b",
     ("I'll squeeze every dollar out of this.", "I want every last penny."),
     ("I got every email you sent.",)),
    (r"\b(?:comes?|coming) (?:straight |right |directly )?out of (?:your|the|their|someone's) (?:budget|pocket)\b|\bgift to (?:your|the)\b|\bmore profit for\b|\bwhatever you don't pay\b",
     ("Every extra dollar comes straight out of your budget.",),
     ("Is the relocation out of a separate budget?",)),
    (r"\b(?:you|your side) (?:lose|loses) (?:somewhere|something)\b|\bsomeone else (?:loses|gets less)\b|\bthat's not my problem\b|\bnot my problem\b",
     ("Your budget is not my problem.",),
     ("That's not a problem.",)),
    (r"\b(?:my|me|i) (?:\w+ )?(?:versus|vs\.?|against) (?:your|you|the company|the firm|hr)\b",
     ("It's my needs versus your budget.",),
     ("It's remote versus hybrid.",)),
    (r"\b(?:not here to make friends|me against|us against them|us vs\.? them|me vs\.? you|you vs\.? me|your loss is my gain|my gain is your loss)\b",
     ("Your loss is my gain.", "It feels like us against them."),
     ("We're all on the same team.",)),
    (r"\b(?:about|all about|it's) leverage\b|\b(?:have|hold|got) (?:more |the |all the )?leverage\b|\bmore of it\b|\b(?:your|my|their) (?:gain|win|loss) (?:is|=|would be|will be|means) (?:my|your|their) (?:loss|gain)\b",
     ("It's all about leverage.", "I have more leverage than you think."),
     ("I'd like to leverage my experience.",)),
    (r"\b(?:have over me|all the (?:power|cards|leverage|aces|chips|trump cards)|the power here|have the power|more than i need you|you need me more)\b",
     ("You need me more than I need you.", "You hold all the cards."),
     ("You need my references?",)),
    (r"\bpush until you say no\b|\bpush (?:you )?(?:as hard|as far) as\b|\bnever (?:take|accept) the first offer\b|\bstarts? low on purpose\b|\blowball everyone\b",
     ("I never accept the first offer.",),
     ("I accepted the first offer last time.",)),
    (r"\b(?:you've|you have) (?:basically |pretty much )?won\b|\bnot (?:on the same side|pretend we're on the same side)\b|\bsame side\b(?=[^.?!]*\bnot\b)|\blet's not pretend\b",
     ("Let's not pretend we're on the same side.", "Fine, you've won."),
     ("I'm glad we're on the same side.",)),
    (r"\bone less thing\b|\bwhatever i (?:give up|concede|lose)\b|\bevery concession\b|\bconcessions? (?:you|i) make\b",
     ("Every concession I make costs me.",),
     ("Are there any concessions on the start date?",)),
    (r"\b(?:ahead|on top) even if\b|\bcome out (?:of this )?ahead\b|\bget the better of\b",
     ("I want to come out ahead.",),
     ("I want to go ahead with the offer.",)),
    (r"\b(?:(?:not|never|won't|refuse to) (?:\w+ ){0,3})?(?:leave|leaving|left) (?:any )?money on the table\b",
     ("I'm not leaving money on the table.",),
     ("I left my laptop on the table.",)),
    (r"\b(?:someone|somebody|one of us|whoever|one side) (?:\w+ )?(?:caves?|blinks?|folds?|gives? in|backs? down)\b",
     ("Let's see if someone blinks.",),
     ("Someone called from HR.",)),
    (r"\bbest (?:possible )?deal (?:i can|for me|for myself)\b|\bnot (?:here )?to be liked\b",
     ("I want the best deal for me.",),
     ("What's the best deal for the team?",)),
    (r"\b(?:your|my|their) (?:savings?|profits?|gains?|wins?|margins?) (?:is|are|=|would be|will be|means?) (?:my|your|their) (?:loss(?:es)?|costs?)\b",
     ("Your savings are my loss.",),
     ("My savings are for a house.",)),
    # Extraction verbs: "whatever I don't squeeze out now", "drag it up".
    (r"\b(?:squeeze|wring|claw|extract|prise|prize|pry)(?:s|d|ed|ing)? (?:\w+ ){0,2}out\b|\bdrag (?:it|the number|that|them|the base) up\b",
     ("I'll squeeze more out of them.", "I'll drag the number up."),
     ("I'll work out the details.",)),
    (r"\b(?:paid|job|here|trying|want|wants) to (?:keep|hold|get) (?:my|the) (?:number|pay|salary|base|offer|costs?) (?:as )?(?:low|down)\b|\bthe least (?:they|you|the company|the firm|hr|we) (?:can|could)\b|\bget the most\b(?! out of)",
     ("You're trying to keep my salary low.", "You'll pay the least you can."),
     ("I want to get the most out of this role.",)),
    # Negotiation as a contest with a loser.
    (r"\b(?:a|like a) (?:contest|competition|duel|zero-sum game|boxing match|showdown)\b|\b(?:finish|end up|come out|be|stay) ahead\b|\bopposite (?:sides|ends|teams|corners)\b|\bon (?:different|other) sides\b",
     ("We're on opposite sides here.", "It feels like a contest."),
     ("We're on the same side here.",)),
    (r"\b(?:someone|somebody|one (?:of us|side)|whoever|one party) (?:\w+ ){0,2}(?:leaves|walks away|goes home|ends up|comes away|loses out) (?:with )?(?:less|empty-handed|unhappy|grumbling|short|the loser|worse off)\b",
     ("Someone always walks away unhappy.",),
     ("Someone walks the dog at lunch.",)),
    (r"\bevery (?:dollar|pound|penny|cent|euro|buck) (?:\w+ ){0,4}(?:save|saved|keep|kept|give|get|lose)\b",
     ("Every dollar you save is a dollar I lose.",),
     ("Every dollar counts in this city.",)),
    (r"\b(?:(?:not|never|won't|refuse to) (?:\w+ ){0,3})?(?:leave|leaving|left) (?:a |one |any )?(?:single )?(?:cent|penny|dollar|pound|dime|nickel|thing) (?:\w+ )?(?:behind|on the table)\b",
     ("I won't leave a single penny on the table.",),
     ("I'll leave a note on the table.",)),
    (r"\bwhatever (?:i|we) (?:don't|do not|fail to|can't) (?:get|squeeze|take|grab|ask for|win|claw)\b",
     ("Whatever I don't get now, I never will.",),
     ("Whatever I get, I'm grateful.",)),
    (r"\bevery (?:[\w.%-]+ ){1,5}(?:you|i) (?:hold back|keep|save|give up|concede|withhold|trim|shave)\b(?=[^.?!]*\b(?:is|means)\b)",
     ("Every dollar you hold back is money I lose.",),
     ("Every time I keep my camera off, I feel rude.",)),
    (r"\b(?:money|cash|savings?) (?:straight )?(?:back )?(?:in|into) (?:your|their|the company's) pockets?\b|\b(?:see|find out) who (?:blinks|caves|folds|gives in|breaks)(?: first)?\b",
     ("Let's see who blinks first.", "That's money straight back into your pocket."),
     ("I saw who called.",)),
    (r"\bdon't plan to lose\b|\bnot (?:going|planning) to lose\b|\bnot expecting miracles\b",
     ("I'm not going to lose on this.",),
     ("I'm not going to leave early.",)),
)]
_COOPERATIVE = rx(r"\brather (?:\w+ ){0,8}than (?:squeeze|beat|win|fight)|\bboth (?:come out|walk away|end up|leave) (?:of this )?(?:happy|ahead|well|satisfied)|\bwin-win\b|\bwin win\b|\bwin for both\b|\bnot trying to (?:beat|win)\b|\bwork for both\b|\bboth (?:of us|sides) win\b",
                  yes=("I want this to work for both of us.", "Let's find a win-win."),
                  no=("I want to win this negotiation.",))


def zero_sum(m: Message) -> Span | None:
    for span in m.iter_matches(_ZERO_SUM, negatable=True, window=4):
        sa, sb = m.sentence_at(span[0])
        if _COOPERATIVE.search(m.norm[sa:sb]):
            continue
        return span
    return None
