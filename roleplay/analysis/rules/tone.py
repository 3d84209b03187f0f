"""Tone and outcome: ``capitulates``, ``hostile``, ``gratitude``, ``accepts``."""

from __future__ import annotations

import re

from ..lexicon import rx
from ..message import Message, Span

# ---------------------------------------------------------------------------
# capitulates
# ---------------------------------------------------------------------------

_CAPITULATE = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:forget|disregard|ignore|scratch) (?:i (?:said|asked|mentioned)|what i (?:said|asked)|(?:about )?(?:it|that|this|my (?:\w+ )?(?:request|ask|email|message|question)|the (?:\w+ ){0,2}(?:thing|request|ask|idea|question|bit|part)))",
     ("Actually, forget what I said about the signing bonus.", "Please ignore my last email, the offer is fine."),
     ("Don't forget to include the equity in the written offer.",)),
    (r"\bplease disregard\b|\bforget i (?:said|asked|mentioned|brought)\b|\bforget (?:about )?the\b",
     ("Please disregard my question about the bonus.", "Forget I asked about remote days."),
     ("I haven't forgotten the relocation package, can we discuss it?",)),
    (r"\bi shouldn't (?:push|ask|press|be asking|be pushing|have pushed)\b|\bwhatever you can do is (?:great|fine|ok|okay|more than enough)\b|\bjust (?:happy|glad|grateful|lucky) to be (?:here|considered|offered|on board)\b",
     ("I know I shouldn't push, but is there any room on base?", "Honestly I'm just happy to be considered."),
     ("I should push for a higher base, I think.",)),
    (r"\bnever ?mind\b|\bnvm\b|\bi take (?:it|that|this) (?:all )?back\b|\b(?:pretend|act like|as if) i (?:never|didn't) (?:asked|ask|said|say|mentioned|brought)\b",
     ("Never mind, the salary is fine as it is.", "Pretend I never asked about the bonus."),
     ("Please keep the bonus in mind when we talk tomorrow.",)),
    (r"\b(?:not|hardly) (?:really )?in (?:a|any) position to (?:negotiate|push|ask|bargain|haggle|make demands)\b",
     ("I'm not really in a position to negotiate, so I'll take it.",),
     ("I'm in a strong position to negotiate with two other offers.",)),
    (r"\b(?:don't worry|no worries|it's fine|that's fine|it's ok|it's okay)\b,? (?:\w+ ){0,2}i'll (?:just )?(?:make|take|go|stick|sign|accept|live)\b",
     ("No worries, I'll just take the original offer.", "It's fine, I'll make it work."),
     ("No worries, could you send the contract over?",)),
    (r"\b(?:request|ask|question) (?:is )?withdrawn\b|\bwithdraw (?:my|the) (?:request|ask|question)\b|\bdrop (?:it|the (?:\w+ )?(?:request|ask|thing|idea))\b|\blet's (?:just )?drop it\b|\blet(?:'s)? forget\b",
     ("I'll withdraw my request for the extra week of leave.", "Let's just drop it, the base is fine."),
     ("Could you drop the non-compete clause from the contract?",)),
    (r"\bshouldn't have (?:even )?(?:asked|brought|mentioned|said|pushed|pressed|raised)\b|\bsorry (?:i|for) (?:even )?(?:asked|asking|bringing|brought|mentioning)\b|\bsorry i brought it up\b",
     ("Sorry I even asked, the offer is generous.", "I shouldn't have brought up the bonus."),
     ("Sorry for the delay in getting back to you about the offer.",)),
    (r"\b(?:i'll|i will|i guess i'll|i'll just) (?:just )?(?:sign|take|do|accept|go|stick)\b(?=[^.?!]*(?<!-)\b(?:as is|as it stands|as planned|whatever|wherever|anyway|then(?!-)|fine|don't want|rather not|luck|choice)\b)",
     ("I'll just sign it as is.", "I guess I'll take it anyway."),
     ("I'll sign once the equity is in writing.",)),
    (r"\bi'll just (?:sign|take|accept|do|go|stick)\b",
     ("I'll just accept the offer they made.",),
     ("I'll sign after we sort out the start date.",)),
    (r"\b(?:as is|as-is)\b(?=[^.?!]*(?:rock|risk|luck|don't want|fine|grateful|choice))|\b(?:take|accept|sign) it as(?:-| )is\b(?=[^.?!]*(?:rock|risk|luck|don't want|grateful|choice))",
     ("The offer as is will be fine, I don't want to rock the boat.",),
     ("I can't accept it as is, the base is too low.",)),
    (r"\b(?:don't|do not|didn't|dont) want to (?:be (?:the )?(?:difficult|a pain|greedy|pushy|demanding|a problem|that person|ungrateful)|come across as|seem|sound|rock the boat|cause (?:any )?(?:trouble|problems|issues)|make (?:a |any )?(?:fuss|scene)|jeopardi[sz]e|risk|push|make (?:this|it|things) awkward|lose (?:the|this) offer|upset|bother|impose)",
     ("I don't want to be greedy, but is 5k more possible?", "I didn't want to come across as pushy."),
     ("I want to be clear about my salary expectations.",)),
    (r"\b(?:rather not|don't want to|not going to) push my luck\b|\bpush my luck\b|\brock the boat\b",
     ("I'd rather not push my luck with the bonus.",),
     ("I'm pushing for a better base this time.",)),
    (r"\bnot (?:like|as if) i have (?:much of a |much |a |any )?choice\b|\bi(?: really)? don't have (?:much|a|any) (?:choice|leverage|bargaining power)\b",
     ("It's not like I have much of a choice here.", "I really don't have any leverage, so okay."),
     ("I have a choice between two offers right now.",)),
    (r"\b(?:fine|ok|okay|whatever),? (?:\w+,? )?(?:i'll|i will|i guess i'll) (?:just )?(?:sign|take|accept|do|go)\b(?! (?:the|your|this) (?:counter|revised|new|improved|updated|better|offer)\b)",
     ("Fine, I'll sign.", "Okay, fine, I'll just take it."),
     ("Okay, can we talk about the bonus?",)),
    (r"\b(?:don't|doesn't look like i|not like i|i don't|it's not like i) (?:really )?have (?:much|any|a lot of) (?:leverage|choice|say|power|bargaining)\b",
     ("I don't really have much leverage here.",),
     ("I have a lot of leverage with this competing offer.",)),
    (r"\bwhatever you (?:decide|think|want|say) is (?:fine|ok|okay|best)\b|\bwhatever you say\b|\bwhatever you think is (?:fair|best|right)\b|\bi'll go wherever\b|\bwherever you (?:think|want|need)\b|\bi'm (?:honestly |really )?fine with (?:whatever|anything)\b|\bwhatever works\b(?= (?:for you|is fine))",
     ("Whatever you think is fair, honestly.", "I'm fine with whatever."),
     ("Whatever the title, I need the base at 120k.",)),
    (r"\b(?:totally|completely|honestly|really|it's) (?:fine|ok|okay|understandable) if (?:not|it's a no|you can't|that's not|it isn't)\b|\b(?:i )?(?:totally |completely )?(?:get|understand) (?:it )?if (?:it's a no|not|you can't|that's not|it isn't|i'm asking too much)\b|\bfeel free to say no\b",
     ("Totally fine if not, just thought I'd ask.", "Feel free to say no, of course."),
     ("It's fine if you can send the contract by Friday.",)),
    (r"\b(?:i'm|i am) (?:so |really |very |terribly )?sorry (?:to be a pain|to bother|for (?:all )?the trouble|for (?:being|asking|bothering)|if i came across|for even)\b|\bsorry,? sorry\b|\bsorry to (?:ask|be a pain|bother|be difficult)\b|\bsorry again\b|\bsorry for all\b",
     ("I'm so sorry to be a pain about this.", "Sorry to bother you again about the bonus."),
     ("I'm sorry, but 95k doesn't work for me.",)),
    (r"\b(?:overstepp\w*|asking too much|too much to ask|feel (?:bad|awful|terrible|guilty) (?:even )?(?:for )?(?:asking|bringing)|i feel (?:bad|awful|terrible|guilty)\b)",
     ("I hope I'm not overstepping by asking about equity.", "Is it too much to ask for one remote day?"),
     ("I feel good about the offer overall.",)),
    (r"\b(?:let's|i'll) just (?:go with|take|leave|stick with|accept|sign)\b|\b(?:but|oh|eh|meh|so) whatever\b|\bnot what i (?:hoped|wanted|was hoping) for,? but\b",
     ("Let's just go with the original number.", "It's not what I hoped for, but okay."),
     ("Whatever we agree, please put it in writing.",)),
    (r"\bdon't feel (?:you have to|obliged|like you have to|bad)\b|\bno (?:need|obligation) to do anything\b|\b(?:i'm )?happy either way\b|\beither way is fine\b|\bwhatever works for you works for me\b|\bdon't want to lose (?:this|the) (?:opportunity|offer|job|role)\b",
     ("Don't feel like you have to change anything.", "I'm happy either way, honestly."),
     ("I feel you have to match the market rate here.",)),
    (r"\b(?:please )?don't (?:hold it against me|take (?:this|it|my \w+(?: \w+)?) the wrong way|be mad|be offended)\b",
     ("Please don't take this the wrong way, but could the base go up?",),
     ("I hope you'll take this into account.",)),
    (r"\bno need to (?:look into|worry|check|bother|do anything)\b|\bplease don't worry about it\b|\bforget it\b",
     ("Actually, forget it, the current offer is fine.", "No need to check with HR, it's fine."),
     ("Could you check with HR about the bonus?",)),
    (r"\b(?:it|that|this|the \w+|(?<![a-z])\w+) (?:is |'s |was )?(?:totally |really |absolutely |completely |honestly )?(?:fine|great|ok|okay|good) (?:as is|as it is|really|truly|honestly)\b",
     ("The salary is fine as it is.", "Honestly the package is totally fine as is."),
     ("The salary isn't fine for me.",)),
    (r"\bi (?:guess|suppose) (?:\$?\d+k?|it|that|the \w+|\w+) (?:is|'s) (?:fine|ok|okay|good enough)\b",
     ("I guess 90k is fine then.", "I suppose the base is good enough."),
     ("I guess the base is too low for me.",)),
    (r"\b(?:i'm|i am|i wasn't|wasn't) (?:not |really )?(?:good at|going to|really going to) (?:this|negotiat\w*)\b|\bi'm not good at this\b|\bwasn't really going to negotiate\b",
     ("I'm not good at negotiating, sorry.", "I wasn't really going to negotiate anyway."),
     ("I'm good at my job and I think the pay should reflect it.",)),
    (r"\bjust (?:grateful|happy|lucky) to (?:get|have|be offered) (?:an|the|any)\b",
     ("I'm just grateful to get an offer at all.",),
     ("I'm grateful for the offer, but the base needs work.",)),
    (r"\b(?:the|my) (?:original|current|first) (?:placement|offer|number|plan|location|office) is (?:\w+ )?(?:fine|great|ok|perfect)\b",
     ("The original offer is fine.", "My current office is perfectly fine."),
     ("The original offer is too low for the role.",)),
    (r"\b(?:doesn't|does not) (?:really )?matter\b(?=[^.?!]*\b(?:sorry|fine|forget)\b)|\bit really doesn't matter\b(?!,? but\b)|\bnot a big deal\b",
     ("It's not a big deal, forget the bonus.", "Doesn't matter, the base is fine."),
     ("The title matters a lot to me.",)),
    (r"\b(?:you're|you are) right,? (?:i|sorry)\b",
     ("You're right, I was asking too much.",),
     ("You're right that the market is tight, but I need 110k.",)),
    (r"\bi was going to ask\b[^.?!]*\bbut\b",
     ("I was going to ask about equity, but it's fine.",),
     ("I want to ask about equity, but first the base.",)),
    (r"\b(?:totally|perfectly|absolutely) (?:happy|fine|ok) with (?:the|my|\w+)\b(?=[^.?!]*\bsorry\b)|\bso sorry if\b",
     ("I'm so sorry if that came across as pushy.", "Totally fine with the offer, sorry for the fuss."),
     ("Totally happy with the offer, thanks!",)),
    (r"\bi didn't mean to (?:sound|come across|be|seem)\b",
     ("I didn't mean to sound ungrateful.",),
     ("I mean to be clear: the base is my priority.",)),
    (r"\bsorry (?:to have|for having|for) (?:made|making|caused|causing|asked|asking|bothered|bothering|been) (?:a |such a |any )?(?:fuss|trouble|pain|nuisance|bother|difficult)?|\b(?:made|making) a fuss\b",
     ("Sorry for making such a fuss about the title.", "I don't want to be making a fuss."),
     ("Sorry for the late reply, I was travelling.",)),
    (r"\bi'll make (?:it|this|that|\w+|the \w+) work\b(?=[^.?!]*(?:sorry|fine|worry|never ?mind|forget))|\bdon't worry about it\b(?=[^.?!]*\b(?:i'll|sorry|fine)\b)",
     ("I'll make it work, don't worry.", "Don't worry about it, I'll manage."),
     ("I'll make it work if the base goes to 120k.",)),
    (r"\b(?:rather not|don't want to) risk\b|\bleave (?:the offer|it|things|everything) (?:as it is|as is|alone|there)\b|\blet's leave it\b",
     ("I'd rather not risk the offer.", "Let's leave it there."),
     ("Can we leave the start date open for now?",)),
    (r"\b(?:it's|that's) (?:totally |really |absolutely )?fine,? i'll\b",
     ("That's fine, I'll sign it today.",),
     ("That's fine for the bonus, but the base needs to move.",)),
    (r"\b(?:i'm|i am|i was) (?:probably |just |being )?(?:overcomplicating|overthinking|overdoing|making too much of) (?:this|it|things)\b",
     ("I'm probably overthinking this.",),
     ("I've thought this through carefully and need 120k.",)),
    # Letting the ask go: "let's not worry about the bonus, I'm sure it's fine".
    (r"\b(?:let's|lets) not (?:worry|bother|fuss) about (?:it|that|this|the \w+|my \w+)\b(?=.{0,60}\b(?:fine|ok|okay|forget|doesn't matter|no big deal)\b)",
     ("Let's not worry about the bonus, I'm sure it's fine.",),
     ("Let's not worry about the bonus until the base is settled.",)),
    # Dropping the asks outright: "Scrap my asks.", "Drop the title.", "Let's
    # drop the office days.", "I take back the whole office thing", "forget
    # what I was asking", "I don't ask nothing".
    (r"\bscrap (?:my|the|all(?: of)? (?:my|the)) (?:\w+ )?(?:asks?|requests?|demands?|counter(?:-?offer)?|points?)\b|(?:^|[.!?;] ?|\blet's (?:just )?)drop (?:the|my) (?:\w+ ){0,2}(?:asks?|requests?|demands?|title|bonus|raise|review|days?|counter(?:-?offer)?|increase)\b(?! (?:\w+ )?(?:to|down)\b)(?![^.?!]{0,30}\band i\b)|\bi take back (?:the|my|what|everything|all)\b|\bforget what i (?:was |am )?(?:asking|saying|requested|requesting|mentioned)\b|\bi (?:don't|do not|won't|will not) ask (?:for )?(?:nothing\b|anything (?:more|else|further)\b)|\bi ask nothing (?:further|more|else)\b",
     ("Scrap my asks. Sorry.", "Drop the title. Next cycle's fine.", "four office days is fine um my bad I take back the whole office thing",
      "I don't ask nothing."),
     ("Could you drop the non-compete clause?", "Can I drop off the form tomorrow?")),
    # Not pressing any more: "I shan't press for the bonus after all", "I was
    # wrong to push for them", "I accept any condition".
    (r"\b(?:shan't|won't|will not|not going to|i'll not|i will not|no longer) (?:press|push|insist|ask) (?:for|on|about)\b|\b(?:i was|i've been|i have been) wrong to (?:push|ask|press|insist)\b|\bi(?:'ll| will)? accept (?:any|anything|whatever)\b|\b(?:don't want|do not want|didn't want) to (?:seem|look|sound|come across as) (?:\w+ )?(?:ungrateful|greedy|pushy|difficult|demanding)\b|\b(?:don't|do not) want to (?:fight|argue|negotiate) (?:any ?more|more|further)\b|\b(?:don't|do not) want (?:any )?drama\b|\b(?:don't|do not) want to burn (?:the |any |my )?bridges?\b|\b(?:take|keep|leave) (?:\w+ ){0,3}like it is\b|(?<!\bif\s)\bi (?:take|accept|'ll take|will take) (?:the|your) (?:standard|original|first|initial|current|existing) (?:\w+ )?(?:package|offer|terms|number|rate|salary)\b",
     ("I shan't press for the bonus or the review after all.", "I was wrong to push for them.", "I accept any condition, really."),
     ("I'll push for a higher base.", "I accept the revised terms.")),
    # Staying on the old terms: "I'll stay anyway", "I stay how before", "I will
    # stay with the same salary", "keep the terms", "no changes", "don't change anything".
    (r"(?<!\bcan\s)(?<!\bcould\s)(?<!\bmay\s)\bi(?:'ll| will)? (?:just )?stay (?:\w+ )?(?:anyway|regardless|as (?:is|before|i am)|with (?:the )?(?:same|current|old|original) (?:\w+ )?(?:terms|conditions|salary|pay|package|rate|number|offer))\b(?![^.?!]*(?:\?|\bbut\b))|\bi stay (?:how|like|as) before\b|\bdon't change (?:anything|a thing)\b|(?:^|[.!?] ?|\bstay,? )no changes?(?: (?:needed|necessary|required))?\s*(?:[.!]|$)|\bno need to (?:go to|escalate|take (?:it|this) (?:to|further)|involve|push)\b",
     ("My mistake. I'll stay anyway.", "I stay how before, with the four days.", "OK. Don't change anything.", "Sorry. No changes. I'll stay."),
     ("I'll stay if the base moves.", "No changes to the start date, but could we add a bonus?")),
    (r"\b(?:the|my|our) (?:present|current|existing|original|first|old) (?:\w+ )?(?:arrangement|offer|terms|package|setup|conditions|salary|pay|base|number|rate|schedule|title) (?:is|are|was) (?:\w+ )?(?:satisfactory|fine|acceptable|adequate|enough|good enough)\b",
     ("The present arrangement is quite satisfactory.",),
     ("The current salary is too low.",)),
    (r"\b(?:stay|remain) (?:on|with|at) (?:the |my )?(?:same|current|old|original|existing|present|whatever) (?:\w+ )?(?:terms|conditions|salary|pay|package|rate|number|offer|deal)\b(?![^.?!]*(?:\?|\bbut\b|\bif\b))|\b(?:no need to|don't need to|do not need to|needn't) change (?:anything|a thing)\b|\bkeep (?:the )?(?:salary|pay|terms|package|base|offer) (?:the )?same\b|\bleave (?:the|my) (?:salary|pay|terms|package|base|offer|number) as (?:it is|is)\b|\b(?:whatever|any) terms (?:you|the company|they)\b|\bsame (?:terms|conditions|salary|pay|package|offer|number|deal)\b (?:\w+ )?(?:is |are |r |'re )?(?:ok|okay|fine|good)\b|\bcarry on (?:as before|as (?:we|it|things) (?:was|were|are|is))\b|\b(?:i'll|i will) (?:just )?go along with (?:it|that|this|whatever)\b|\bno need (?:of|for) anything\b|\bi(?:'ll| will)? just stay\b(?! (?:at|with|in) my\b| put\b| where\b)|\b(?:fine|whatever|ugh)\W+(?:\w+\W+)?(?:i'll|i will|i) stay\b|(?:^|[.!?] ?)same (?:salary|terms|conditions|package|pay|number)\s*[.!]|\bi (?:don't|do not) (?:really )?need (?:the|a|any) (?:[\w-]+ ){0,2}(?:title|raise|bonus|increase|promotion|changes?)\b|\bi (?:not|no) ask (?:for )?(?:nothing|anything)\b",
     ("I'll stay on the same terms, please just forget I resigned.", "I'll stay on whatever terms you think fit.", "ur right, same terms r ok sorry",
      "Let's simply carry on as before, shall we?", "Please just decide what's fair and I'll go along with it.", "I don't need the Senior Analyst title, really."),
     ("I'll stay on the call a bit longer.", "I don't need the full week to decide.", "Maybe can I stay with the same salary but move to the data team?")),
)]

# A term said to be fine after an apology or a retraction ("Forgive me, I've
# been most ungracious. Four office days is perfectly fine.", "sry for the
# drama, 4 office days is fine"): the ask is dropped. Without the regret it
# may just agree to a term, so this one needs _REGRET in the message.
_FINE_NOW = [rx(r"\b(?:office days?|days? in(?: the office)?|base|salary|pay|title|bonus|review|rate|offer|package|terms|number|next cycle|\$?\d[\d,.]*k?)(?:'s| is| are) (?:\w+ )?(?:fine|ok|okay|enough|good enough)\b",
                yes=("Forgive me. Four office days is perfectly fine.", "sry for the drama, 4 office days is fine tbh"),
                no=("The start date works for me.",))]
_REGRET = rx(r"\b(?:sorry|sry|apolog\w*|forgive me|my bad|my mistake|ungracious|i was wrong|i overreacted|overreacted|ungrateful|shouldn't have)\b",
             yes=("My bad, four days is fine.",),
             no=("Four days is fine, thanks.",))
# An apology (PRINCIPLES.md: it is capitulating only when it undermines an
# ask; "sorry for the typo", "sorry again, bye!" give nothing up).
APOLOGY = rx(r"\b(?:sorry|sry|soz|apolog\w*|forgive me|pardon me|my bad|excuse me for|i (?:feel|felt) (?:\w+ )?(?:bad|awful|terrible|guilty))\b",
             yes=("Sorry again about all this, bye for now!", "I feel awful about how abrupt my email was."),
             no=("Forget the bonus, the base is fine.",))


# Words about the deal itself: an apology beside them may be giving in
# ("sorry for the trouble, I'll stay on $96,000"), so apology_only leaves it
# to the other rules and the model.
_DEAL_TALK = rx(r"\b(?:stay\w*|leav\w*|resign\w*|quit\w*|accept\w*|offer\w*|terms|conditions|counter\w*|request\w*|deal|package|number|figure|salary|base|pay|raise|bonus|title|promotion|review|office|remote|hybrid|equity|date|rate|relocat\w*|"
                r"ignore|disregard|never ?mind|nvm|drop|scrap|withdraw\w*|take (?:it|the|back)|i take|press|insist|push\w*|as planned|like (?:now|before|usual|planned|we agreed)|no more|whatever(?! happens)|whichever|wherever|no problem|cancel\w*|"
                r"keep (?:the|my|it|current|same|me)|stick|leave it|adjust|will do|greedy|too much|too high|ask(?:ed|ing)?|lose|skip|thousand|hundred)\b|\bforget\b(?!\s*[.!?,]|\s*$)|\b(?:is|'s|are|was) (?:\w+ )?fine\b|\$ ?\d|\b\d{2,}\b",
                yes=("Sorry for the trouble, I'll stay on $96,000.",),
                no=("Sorry again about all this, bye for now!",))


_TRADE = rx(r"\band i(?:'ll| will| can) (?:happily |gladly )?$",
            yes=("Get me to 118k and I'll ",),
            no=("Get me to 118k and I'll sign.",))


# "... by eod or forget it": the end of an ultimatum, not a retraction.
_OR_ELSE = rx(r"\b(?:or|otherwise|else|or else)\W+(?:just )?$",
              yes=("Give me the title by Friday or ",),
              no=("Actually, ",))


def _capitulation_cues(m: Message):
    for span in m.iter_matches(_CAPITULATE):
        # "get me to 118 and I'll drop the title ask" is a trade.
        if _TRADE.search(m.norm, max(0, span[0] - 20), span[0]):
            continue
        if _OR_ELSE.search(m.norm, max(0, span[0] - 12), span[0]):
            continue
        yield span
    if _REGRET.search(m.norm):
        yield from m.iter_matches(_FINE_NOW)


def capitulates(m: Message) -> Span | None:
    best = None
    for span in _capitulation_cues(m):
        if best is None or span[0] < best[0]:
            best = span
    return best


def apology_only(m: Message) -> bool:
    """The message apologises, and every cue of giving in it has is that
    apology ("sorry again, bye!", "sorry for all the drama"): capitulating
    only if the message also makes an ask (see detector._apply_conventions)."""
    if not APOLOGY.search(m.norm) or _DEAL_TALK.search(m.norm):
        return False
    for a, b in _capitulation_cues(m):
        if not APOLOGY.search(m.norm, a, b):
            return False
    return True


# ---------------------------------------------------------------------------
# hostile
# ---------------------------------------------------------------------------

_HOSTILE = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:ridiculous|absurd|insulting|insult|laughable|pathetic|embarrassing|disgraceful|outrageous|unacceptable|shameful|incompetent|clueless|useless|a joke|a mess|a scam|a sham|a farce|bs|bullshit|crap|rubbish|nonsense|garbage|clown\w*|idiot\w*|stupid|dumb|lowball\w*|insane|unprofessional|disrespectful|shady|cheapskates?|stingy|joke of|shambles|circus|clown show|amateur\w*|disorgani[sz]ed|dodg\w+|stonewall\w*|evasive|ghost(?:ed|ing))\b",
     ("This offer is frankly insulting.", "A 2% raise? That's a joke."),
     ("I think the offer is a little below market.",)),
    (r"(?:^|[.!?] ?)(?:amazing|funny|interesting|incredible|nice|great|cool|wonderful|love) how (?:\w+ ){0,3}(?:fast|quick|quickly|slow|slowly|you|when|everyone)\b|\btrying to (?:squeeze|screw|cheat|rip off|con|shortchange) me\b|\byou(?:'re| are) (?:just |clearly |obviously |only )?trying to (?:squeeze|screw|cheat|con|lowball|underpay|take advantage|rip)\b",
     ("Funny how the budget disappears when it's my turn.", "You're clearly trying to lowball me."),
     ("I'm trying to understand how the bonus is calculated.",)),
    (r"\b(?:this|so) (?:badly|poorly|terribly|shabbily)\b|\btreat (?:\w+ ){0,4}(?:badly|poorly|like (?:dirt|garbage|a number))\b|(?:^|[.!?] ?)(?:hilarious|priceless|classic|unbelievable|cute|rich|charming)\s*[.!]",
     ("I've never been treated so poorly in a hiring process.", "Priceless."),
     ("I was treated very well by the team during interviews.",)),
    (r"\b(?:anyone|anybody|someone|nobody) (?:\w+ ){0,3}(?:competent|listening|read|paying attention|cares?|bothered)\b|\bnice to know\b|\bgood to know (?:that )?(?:my|i|you)\b|\bmeans nothing to you\b",
     ("Is anyone actually listening to me?", "Good to know my five years mean nothing."),
     ("Good to know, thanks for explaining the bonus.",)),
    (r"\b(?:pretty|a bit|bit) rich\b|\bbluff\w*\b|\b(?<!be\s)lying\b(?! if)|\bliars?\b|(?<!feel\s)(?<!be\s)(?<!seem\s)(?<!sound\s)\bdishonest\b|['\"][a-z -]{3,40}['\"],? (?:and then|then|but then|yet|right up until|until|while|whilst)\b",
     ("That's a bit rich coming from you.", "I think you're bluffing about the budget."),
     ("I'd be lying if I said the offer wasn't tempting.",)),
    (r"\bwast(?:ed|ing) (?:\w+ ){0,3}(?:my )?(?:time|life|weeks|days|months)\b|\b(?:(?:i )?don't know )?why (?:do )?i (?:even )?bother\b|\bbasic (?:manners|courtesy|respect|competence)\b|\bmanners\b",
     ("You've wasted three weeks of my time.", "Why do I even bother."),
     ("I don't want to waste your time, so here's my number.",)),
    (r"\b(?:are|do|did|have) you even\b|\blove that for me\b|\b(?:fantastic|great|brilliant|wonderful|perfect|lovely|awesome),? yet another\b|\byet another (?:delay|excuse|no|runaround)\b",
     ("Did you even read my counteroffer?", "Great, yet another delay."),
     ("Did you get a chance to read my counteroffer?",)),
    (r"\b(?:give me|just give me|get) a straight answer\b|\bjust answer the question\b|\bignoring my\b",
     ("Can you just give me a straight answer on the base?", "You keep ignoring my question about equity."),
     ("Thanks for the clear answer on the base.",)),
    (r"(?:^|[.!?] )(?:very|so|really|super|how|oh so) (?:reassuring|useful|professional|comforting|encouraging|helpful)\s*[.!]*\s*$|\b(?:brilliant|great|wonderful|fantastic|perfect|lovely|awesome),? another\b|(?:^|[.!?]\s*)typical\s*[.!]*\s*$",
     ("Another week with no news. Very reassuring.", "Typical."),
     ("That's very reassuring, thank you for checking.",)),
    (r"\bif (?:your|you|the) (?:\w+ )?(?:had|'d) (?:been|told|done|bothered|listened)\b",
     ("If your recruiter had told me this earlier, I'd have saved a week.", "If you had listened the first time we wouldn't be here."),
     ("If you have any flexibility on the base, let me know.",)),
    (r"\byou people\b|\byour people\b|\byou guys (?:always|never|clearly|really)\b|\bwhat's the point\b|\bwhat is the point\b",
     ("You guys always find a reason to say no.", "What's the point of interviewing if the budget is fixed?"),
     ("You guys have been great throughout the process.",)),
    (r"\bthanks for nothing\b|\bthanks a lot for (?:wasting|nothing|ignoring)|\b(?:thanks|thank you) (?:so much |a lot )?for (?:wasting|ignoring|stringing|the runaround)\b|\bwasting my time\b|\bwaste of (?:my )?time\b",
     ("Thanks for nothing.", "This is a waste of my time."),
     ("Thanks for your time today.",)),
    (r"\bstrung along\b|\bstringing me along\b|\bgive me the runaround\b|\brunaround\b|\bjerk(?:ing|ed)? me around\b|\bdragging (?:your|their) feet\b",
     ("I feel like I'm being strung along.", "Stop jerking me around on the start date."),
     ("Thanks for bringing me along to the team lunch.",)),
    (r"\bwith a straight face\b|\bare you (?:seriously|serious|kidding|joking)\b|\byou(?:'ve| have) got to be kidding\b|\bseriously[,?!]\s*(?:what|why|how|you)",
     ("Are you seriously offering 60k for this role?", "Seriously? Why is the bonus gone?"),
     ("I'm seriously considering the offer.",)),
    (r"(?<!that.s\s)(?<!thats\s)(?<!that\sis\s)(?<!it.s\s)(?<!this\sis\s)\b(?:really|super|very) helpful\b[.!]*\s*(?:$|[🙄🙃])|\bwow,? (?:\d|thanks|so|really|just|you)\b|\b(?:oh|ah) (?:great|sure|wonderful|perfect|fantastic|brilliant|right|cool)\b|\bcool,? so\b|\bcan't wait\s*[.!]*\s*[🙄🙃]",
     ("Oh great, another form to fill in.", "Wow, so that's the best you can do?"),
     ("That's really helpful, thank you.",)),
    (r"[🙄🙃😒😤😡🤬🖕]|\beye ?roll\b|\b(?:yeah|sure),? right\b",
     ("Sure, right, the budget is 'fixed'.", "Another extension 🙄"),
     ("Sure, that's right, the start date is June 3.",)),
    (r"\blet me guess\b|\bsurprise,? surprise\b|\bshocking\b|\bwhat a surprise\b|\bhow convenient\b",
     ("Let me guess, the budget is fixed again.", "How convenient."),
     ("It was a nice surprise to get the offer early.",)),
    (r"\bjust marketing\b|\bempty words\b|\blip service\b|\bjust says? no\b|\bsays? no to everything\b|\bon principle\b",
     ("Your flexibility policy is just marketing.", "HR just says no to everything."),
     ("HR said yes to the remote day.",)),
    (r"\bdid (?:anyone|anybody|you) (?:even |actually )?read\b|\bdo you even\b|\bclearly (?:doesn't|don't|didn't|can't|hasn't) (?:know|understand|care|read)\b",
     ("Did anyone even read my email?", "The recruiter clearly doesn't understand the role."),
     ("Did you get my email about the start date?",)),
    (r"\b(?:i'm|i am) (?:so |really )?(?:tired|sick|fed up) of\b|\bfed up\b|\bchasing (?:your|you|the)\b",
     ("I'm really tired of waiting for an answer.", "I'm fed up with the delays."),
     ("I'm tired but happy with how the interview went.",)),
    (r"\b(?:acting like|pretending) i\b|\bmade it up\b|\byou (?:promised|lied|said)\b(?=[^.?!]*\b(?:now|but|and now)\b)|\blied to me\b|\bbait and switch\b",
     ("You promised 110k and now it's 100k?", "This feels like a bait and switch."),
     ("You said the offer letter would come Friday, thanks for sending it.",)),
    (r"\bwhy would anyone\b|\bwho (?:in their right mind|would ever)\b|\bwho came up with\b|\bwhoever came up with\b",
     ("Who in their right mind would accept that?", "Why would anyone take a pay cut to join?"),
     ("Who would I report to in this role?",)),
    (r"\b(?:nobody|no one|noone|anyone) (?:\w+ ){0,3}(?:seems|is|are) (?:\w+ )?(?:capable|able|competent|willing)\b|\bmake (?:things|stuff|it all) up\b|\bi don't appreciate\b|\bhow dare\b|\bshame on\b|\bget (?:it|your act) together\b|\bdo your job\b",
     ("Nobody there seems capable of giving me an answer.", "I don't appreciate being lowballed."),
     ("I appreciate you looking into the bonus.",)),
    # "wow" alone is as often delight as scorn ("oh wow thank you!!"): only with another cue.
    (r"\byou (?:really )?went all out\b|\bso generous\b(?=[^.?!]*[🙄🙃]|\s*$)",
     ("Wow, a 1% raise, you really went all out.", "So generous 🙄"),
     ("The relocation package is so generous, thank you!",)),
    (r"\bhandling this\b[^.?!]*\b(?:badly|poorly|terribly|embarrass\w*)|\b(?:badly|poorly|terribly) (?:run|handled|managed|organi[sz]ed)\b",
     ("This whole process has been terribly organised.", "You're handling this really badly."),
     ("Thanks for handling this so quickly.",)),
    (r"\b(?:your|this|the) (?:offer|number|process|policy|company|hr|recruiter) (?:is|was|has been) (?:a )?(?:joke|mess|nightmare|disaster|ridiculous|absurd|insulting|garbage)\b",
     ("This offer is a joke.", "Your process has been a nightmare."),
     ("This offer is a good start.",)),
    # Sarcasm without cue words: mock praise of the company's values,
    # "must be nice", "everyone except me", "it's only my career".
    (r"\bmust be nice\b|\b(?:everyone|everybody|anyone|all of them) (?:\w+ )?(?:except|but) (?:for )?me\b|\bit's only my (?:career|life|future|livelihood|rent|money|time)\b",
     ("Must be nice to get a bonus.", "Everyone else but me got the bonus."),
     ("It's only my first week, so I'm still learning.",)),
    (r"\b(?:glad|good|nice|great|lovely|reassuring) to see (?:\w+ ){0,4}(?:culture|values|people-first|transparency|family|mission)\b",
     ("Great to see those people-first values in action.",),
     ("Great to see you at the final interview.",)),
    (r"\b(?:nobody|no one|no-one)(?:'s| has| have)? (?:\w+ ){0,4}(?:seems to|bothers to|ever|actually) (?:read|reads|listen|listens|reply|replies|answer|answers|care|cares|check|checks|know|knows)\b",
     ("Nobody ever replies to my emails.", "No one seems to read what I send."),
     ("Nobody else has applied, the recruiter said.",)),
    (r"\b(?:perfected|mastered) the art of\b|\bthe art of (?:saying nothing|stalling|dodging|avoiding|saying no)\b|\bwhat a (?:shock|shocker|surprise)\b|\bcolou?r me (?:shocked|surprised)\b",
     ("Your HR team has mastered the art of saying nothing.", "Color me shocked."),
     ("Negotiation is an art, and I'm still learning it.",)),
    (r"(?:^|[.!?] ?)(?:funny|amazing|interesting|incredible|convenient|strange) how (?:that|this|it|things|the|everything|nothing)\b|\bcan't imagine how (?:that|this) (?:ends|will end|turns out|goes)\b",
     ("Funny how that works.", "Interesting how the budget shrinks after the interview."),
     ("It's interesting how you structure the equity, can you explain?",)),
    (r"(?:^|[.!?,] ?)(?:very|so|really|how|truly) (?:enlightening|illuminating|informative|insightful|generous|thoughtful|kind)\s*[.!]*\s*$|\bthe lecture\b|\blecture me\b",
     ("A two-line reply after three weeks. Truly enlightening.", "Please don't lecture me about market rates."),
     ("That's very kind of you to offer the extra week.",)),
    (r"\boh (?:good|joy|lovely)\b|\bgood,? another\b",
     ("Oh joy, another round of interviews.", "Good, another delay."),
     ("Oh, that's good news about the bonus.",)),
    (r"\b(?:nice|good|kind|big|decent|lovely) of you to (?:finally|eventually|at last|actually|bother)\b|\bto finally (?:reply|respond|answer|get back)\b|\b(?:that|the) memo (?:never|didn't|must not have)\b",
     ("Nice of you to finally get back to me.", "I guess the memo never reached HR."),
     ("Kind of you to send the offer so quickly.",)),
    # British understatement: mock praise of a reading, a reply or a delay
    # ("a novel interpretation of", "how marvellous that", "I do so enjoy
    # those", "Quite the offer.", "very thorough" after a three-word reply).
    (r"\b(?:novel|creative|imaginative|liberal|loose|generous|elastic|interesting) (?:interpretation|reading|definition|understanding|use) of\b|\bi do so (?:enjoy|love|like|relish)\b|\bhow (?:marvell?ous|splendid|delightful|refreshing)\b",
     ("That's a novel interpretation of 'competitive salary'.", "How marvellous that the budget vanished."),
     ("My understanding of the bonus is that it's annual.",)),
    (r"(?:^|[.!?] ?)(?:splendid|marvell?ous|wonderful|brilliant|fantastic|lovely|excellent|super)\s*[.!]+\s*another\b|(?:^|[.!?] ?)quite (?:the|some) (?:offer|package|number|process|response|reply|answer|policy|approach|welcome|turnaround)\s*[.!]",
     ("Splendid. Another delay.", "Quite the offer."),
     ("Quite the offer, I must say, and I'm thrilled to accept.",)),
    (r"\b(?:i'd|i would) have been (?:more|less) (?:impressed|surprised|reassured)\b|\b(?:one|two|three|four|five)-(?:word|line|sentence) (?:reply|answer|response|email)\b|(?:^|[.!?] ?)not sure (?:who|why|for whom|what for)\s*[.!?]*\s*$",
     ("A one-line reply after two weeks, really?", "I'd have been less surprised by a flat no."),
     ("I'd have been happy with a short reply.",)),
    (r"(?:^|[.!?,] ?)(?:very|so|really|truly|how|most) (?:thorough|detailed|comprehensive|forthcoming|prompt|speedy|timely)\s*[.!]*\s*$",
     ("Three words after a week. Very thorough.",),
     ("Thanks for the very detailed breakdown of the package.",)),
    (r"\b(?:an exercise|a masterclass|a case study|a lesson|a textbook example|a study) in how not to\b|\bhow not to (?:treat|run|handle|hire|onboard|communicate)\b",
     ("This process is a masterclass in how not to hire.",),
     ("I'd like to learn how to negotiate better.",)),
    (r"\bdo(?:es)? (?:you|anyone|anybody|hr|the recruiter) (?:actually|even|ever) (?:read|listen|check|open)\b|\b(?:lazy|half-hearted|sloppy|careless|condescending|patroni[sz]ing|arrogant|tone-deaf|petty|spineless|cowardly|two-faced|mealy-mouthed)\b",
     ("Does HR ever read these emails?", "Honestly that reply was pretty condescending."),
     ("Does HR need anything else from me?",)),
    (r"\b(cool|great|nice|super|awesome|amazing|perfect)\W+\1\W+\1\b|(?:^|[.!?] ?)bold (?:move|choice|strategy)\b|\b(?:shudder|dread) to think\b",
     ("Great great great, another delay.", "Bold move, cutting the bonus after I signed."),
     ("Great, thanks, that works for me.",)),
    (r"\b(?:should|might want to|need to|ought to) (?:re-?read|actually read|read) my (?:cv|resume|application|email|message|emails)\b",
     ("You might want to reread my CV.", "Maybe you should actually read my application."),
     ("I'd be glad to send my CV again if it helps.",)),
    # Scorn for the company's lines: "Spare me the speech about how valued I
    # am", "It rings rather hollow", "nobody believes 'next cycle' anymore".
    (r"\bspare me (?:the|your|all the|any more of the|more of the) (?:\w+ ){0,2}(?:speech|talk|lecture|line|lines|platitudes|pep talk|pitch|sermon|spiel|routine|act|story|stories|excuses?|nonsense|flattery|compliments|song and dance)\b|\bspare me\s*[.!]|\b(?:rings?|rang|sounds?|feels?) (?:\w+ )?hollow\b|\bhollow (?:words|promises?|gestures?|praise)\b|\bempty promises?\b",
     ("Spare me the speech about how valued I am.", "Do spare me the talk of how valued I am. It rings rather hollow."),
     ("Could you spare me a few minutes tomorrow?", "The hollow in the road is fixed.")),
    (r"\b(?:nobody|no one|no-one|noone) (?:really |actually |even |here |there )?(?:believes?|buys?|trusts?|falls? for)\b",
     ("stop w the next cycle thing, nobody believes it anymore",),
     ("Nobody else applied for the role.",)),
    # Attention only at the exit: "you only call when I quit", "management only
    # ever wakes up too late", "ur only calling bc i'm leaving".
    (r"(?<!\bi\s)\b(?:only|just) (?:ever )?(?:call|calls|calling|care|cares|caring|listen|listens|listening|wake up|wakes up|woke up|notice|notices|noticed|remember|remembers|act|acts|move|moves|bother|bothers|worry|worries|pay attention|pays attention|value|values|show up|shows up|promote|promotes|fight|fights)\b[^.?!]{0,30}\b(?:when|once|after|because|bc|cuz|cos|since|now that) (?:i|i'm|i've|someone|somebody|people|they|we|it's|analysts?|staff|employees)\b[^.?!]{0,25}\b(?:quit|quits|quitting|leav\w*|resign\w*|left|too late|walk\w*|threaten\w*)\b|\b(?:wakes?|woke|waking) up (?:\w+ )?too late\b",
     ("You only call when I quit.", "Management here only ever listens when it's too late.", "the company only cares abt analysts once they quit"),
     ("I only found out when I resigned.", "Call me once I've left the office.")),
    (r"\b(?:shoddy|unedifying|hypocritical|hypocrisy|disingenuous|insincere)\b|\b(?:is|so|very|how|that's|you're|you are|it's|are|being) (?:very |so |really |quite |incredibly |pretty )?selfish\b(?! of me)|\b(?:a |such a |complete |total )?loss of (?:my |our )?time\b",
     ("How perfectly shoddy.", "Is very selfish.", "Sincerely this call is a loss of time."),
     ("Sorry, this is partly selfish, but fewer office days would help.",)),
    (r"\b(?:management|leadership|hr|the company|the firm|this company|they|the bosses|senior management|upper management)(?: here| there)? (?:\w+ )?(?:have|has|is having|are having|had) (?:no|zero|not the slightest|not a) (?:idea|clue)\b",
     ("Management here is having no idea of market salaries at all.",),
     ("I have no idea when I can start.",)),
)]

# Warmth that the model, trained on sarcasm, misreads as hostile ("Enjoy your
# evening.", "very nice to be speaking with you", "how was your weekend?",
# "did anyone find out who keeps taking the mugs lol"): when one of these is
# in the message and no hostile cue is, the model may not add ``hostile``
# (detector.rule_spans). Sarcastic thanks stays with the thanks rules.
_WARM = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:enjoy|have) (?:a |an |your |the )?(?:good |great |nice |lovely |wonderful |relaxing |restful |fab |(?:great |good )?(?:rest|remainder) of (?:your|the) )?(?:evening|day|weekend|week|night|afternoon|morning|holidays?|break|vacation|trip|lunch)\b",
     ("Thank you, this was a good conversation. Enjoy your evening.", "Have a lovely weekend."),
     ("Have you decided on the bonus?",)),
    (r"\b(?:nice|good|lovely|great|wonderful|a pleasure|pleasure|glad|happy) (?:to|talking|speaking|chatting) (?:be )?(?:talk(?:ing)?|speak(?:ing)?|chat(?:ting)?|hear(?:ing)?|see(?:ing)?|catch(?:ing)? up|connect(?:ing)?)\b|\b(?:nice|good|lovely|great|a pleasure) to (?:hear|see) (?:you|your voice|from you)\b",
     ("Was very nice to talk. I stay waiting your email. Bye!", "It's honestly good to hear your voice.", "Hi, is a pleasure to hear you."),
     ("Good to know my five years mean nothing.",)),
    (r"\bhow (?:was|is|has|'s) (?:your|the) (?:weekend|week|day|morning|evening|holiday|vacation|trip|family)\b|\bhow (?:is|are|'s) (?:everyone|everybody|the team|your team|the family|things|life)\b|\bi hope (?:this|now) (?:isn't|is not|is) (?:a )?(?:bad|terrible|good|okay|ok|awkward) time\b|\bhow are you(?: doing)?(?! even)\b|\bare you doing (?:ok|okay|well|alright|all right)\b|\b(?:i )?hope (?:you|you're|you are|everyone|the team|all)\b[^.?!]{0,25}\b(?:well|ok|okay|good|fine)\b",
     ("Hello, very nice to be speaking with you. How was your weekend?", "Are you doing okay yourself?"),
     ("How are you even employed?",)),
    (r"\b(?:did|has|have) (?:anyone|anybody|someone|somebody) (?:ever )?(?:find|found|figure|figured|fix|fixed|mend|mended|sort|sorted|see|seen|take|taken|move|moved|water|watered|clean|cleaned)\b",
     ("lowkey did anyone find out who keeps taking the big mugs from the kitchen lol", "Has anyone mended the lift yet?"),
     ("Did anyone even read my email?",)),
    (r"\bi (?:feel|felt) (?:very |so |really |truly |genuinely )?(?:valued|appreciated|respected|supported)\b(?!\W*[🙄🙃])|\bi(?:'ve| have)? (?:really |truly |genuinely |always )?(?:valued|enjoyed|loved|appreciated) (?:my|the|our|working|being)\b|\bhas been (?:really |very |so )?good to me\b",
     ("Thank you for still calling me. I feel very valued.", "I've valued my five years here enormously."),
     ("I feel so valued 🙄",)),
    (r"\bi (?:caught|fixed|cleaned up|sorted out|untangled|solved|spotted) (?:the |a |that |this |our )?(?:[\w-]+ ){0,3}(?:mess|problem|issue|bug|errors?|fire|backlog)\b",
     ("i caught the fuel surcharge billing mess last yr and saved us a ton",),
     ("This process is a mess.",)),
)]


def warm(m: Message) -> bool:
    """A friendly formula the model tends to read as sarcasm (see _WARM);
    thanks count only when the thanks rules take them as sincere."""
    if m.find(_WARM) is not None:
        return True
    g = gratitude(m)
    return g is not None and bool(re.search(r"\bfor (?:your|the) (?:time|call|kindness|patience|understanding|support|help|honesty|kind words|counter(?:offer)?)\b", m.norm[g[0]:g[1] + 40]))
# Quoted company phrases used in scorn: 'we value flexibility', 'company policy'.
_SCARE_QUOTES = rx(r"(?:['\"])(?:we value|we'll see|we'll get back|we'll be in touch|we're working on it|circle back|company policy|people-first|check with|let me check|let me|our hands are tied|best we can do|no)\b[^'\"]{0,40}['\"]",
                   yes=("So much for 'we value flexibility'.", 'Another "let me check" from HR.'),
                   no=("We value flexibility too, so a hybrid setup would be ideal.",))


# "okay wow thanks I didn't really expect a counteroffer so that's really nice":
# delight after a "wow", not scorn.
_DELIGHT = rx(r"!|\b(?:didn't (?:really )?expect|really nice|so nice of you|means a lot)\b",
              yes=("okay wow thanks I didn't really expect a counteroffer so that's really nice",),
              no=("Wow, so that's the best you can do?",))


def hostile(m: Message) -> Span | None:
    best = None
    for span in m.iter_matches(_HOSTILE, negatable=True, window=2):
        if m.norm.startswith("wow", span[0]):
            sa, sb = m.sentence_at(span[0])
            if _DELIGHT.search(m.norm, sa, sb) and not re.search("[🙄🙃😒]", m.norm[sa:sb]):
                continue
        if best is None or span[0] < best[0]:
            best = span
    return best or m.find([_SCARE_QUOTES])


# ---------------------------------------------------------------------------
# gratitude
# ---------------------------------------------------------------------------

_THANKS = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:thank you|thank u|thankyou|thanks|thanx|thx|ty|tysm|cheers|many thanks|much appreciated|much obliged)\b|\bta\b(?= (?:very much|muchly|mate|so much|for))",
     ("Thanks for the updated offer.", "Ta very much for sorting that."),
     ("I'll think it over and get back to you.",)),
    (r"\b(?:i |i really |i truly |really |truly |i do |i )?(?:appreciate|appreciated|appreciating)\b",
     ("I really appreciate the flexibility on the start date.",),
     ("My appreciation for the team is real, but the base is low.",)),
    (r"\b(?:grateful|thankful|gratitude)\b|\bi (?:really |truly |genuinely |do )?value (?:the time|your time|your help|your patience|your support|your effort|all (?:the|your)|everything you|how)\b",
     ("I'm grateful for the offer.", "I really value your time on this."),
     ("I value flexibility more than a big bonus.",)),
    (r"🙏",
     ("Thanks so much 🙏",),
     ("Thanks so much!",)),
)]
# Sarcastic thanks: "thanks for nothing", "thanks so much for the detailed 'no'".
_SARCASM = rx(
    r"\b(?:thanks|thank you) (?:\w+ ){0,3}(?:for the lecture|for nothing|for wasting|for ignoring|for the runaround|for the super|for the (?:\w+ )?detailed answer of|a bunch|i guess)|\b(?:thanks|thank you),? i (?:guess|suppose)\b|"
    r"\b(?:wow|oh|great|gee|cool),? (?:\w+ ){0,2}(?:thanks|thank you)\b(?![^.?]*!)|(?<!that.s\s)(?<!thats\s)(?<!it.s\s)(?<!this\sis\s)(?<!that\sis\s)\b(?:really|super|so) helpful\b|[🙄🙃]|answer of ['\"]no",
    yes=("Thanks for nothing.", "Wow, thanks."),
    no=("Wow, thank you so much!",),
)


# "I'd appreciate it if we could..." is a polite request; "you can appreciate
# that..." asks for understanding.
_NOT_THANKS = rx(r"\b(?:i'd|i would) be (?:\w+ )?(?:grateful|thankful) to (?:hear|know|learn|understand|get|have|receive|see)\b|\b(?:i'd|i would|i will|i'll|we'd|we would) be (?:very |most |really |so |extremely |truly )?(?:grateful|thankful) (?:if|for (?:any|your consideration))\b|\b(?:i'd|i would) (?:really |greatly |so )?appreciate\b|\b(?:would|will) (?:really |greatly )?appreciate (?:it )?if\b|\b(?:would|will) be (?:\w+ )?(?:appreciated|welcomed?)\b|\byou (?:\w+ )?appreciate\b|\bappreciate (?:that|how|why|the fact)\b",
                 yes=("I'd really appreciate it if you could look at the base again.", "I'd be grateful if we could revisit the bonus."),
                 no=("I really appreciate the extra leave.",))


def gratitude(m: Message) -> Span | None:
    for span in m.iter_matches(_THANKS, negatable=True, window=2):
        sa, sb = m.sentence_at(span[0])
        if _SARCASM.search(m.norm[sa:sb]) or _NOT_THANKS.search(m.norm[max(sa, span[0] - 20):min(sb, span[1] + 12)]):
            continue
        # "cheers" ending an email is a sign-off, still courteous: keep it.
        return span
    return None


# ---------------------------------------------------------------------------
# accepts
# ---------------------------------------------------------------------------

_ACCEPT = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:that|this|it|which|sounds like it|everything) (?:all )?(?:works|would work|will work) (?:for me|well|great|perfectly|fine|for us)\b",
     ("That works for me, thanks.", "Everything works perfectly, let's do it."),
     ("That doesn't work for me at 95k.",)),
    (r"^(?>\W*(?:ok|okay|yes|yeah|great|perfect|sure|alright)\b)*+\W*(?:that |this )?works(?: for me)?\b",
     ("Ok great, that works.", "Works for me."),
     ("If the base moves, that works.",)),
    (r"\bworks (?:well |perfectly |fine |great )?for (?:me|us)\b|(?:^|[.!?,]\s*|\b(?:yes|ok|okay|yeah|great|perfect|sure|alright)\W*)(?:that|this) (?:totally |definitely |actually )?works\b",
     ("Tuesday start works well for me.", "Yes, that definitely works."),
     ("That doesn't really work for my family.",)),
    (r"\bsounds (?:good|great|fair|perfect|reasonable|like a plan|like a deal|like a good plan)\b",
     ("Sounds good, send over the contract.",),
     ("That sounds low for a senior role.",)),
    (r"(?:^|[.!?,]\s*)deal\b(?!\s*\?)|\bit's a deal\b|\byou've got a deal\b|\bwe have a deal\b",
     ("Deal. 115k and the extra week.", "Okay, it's a deal."),
     ("Deal? Not until the equity is sorted.",)),
    (r"\bi (?:happily |gladly )?accept\b(?! (?:that|the fact|it'?s|your point))|\b(?:happy|pleased|delighted|glad|thrilled|excited) to (?:formally |officially )?accept\b|\bi'm accepting\b|\bi will accept\b",
     ("I happily accept the revised offer.", "I'm delighted to formally accept."),
     ("I accept that the budget is tight, but I need more.",)),
    (r"\bi'll (?:happily |gladly |gratefully )?take (?:it|that|the (?:\w+ ){0,4}(?:offer|deal|package|desk|seat|placement|role|number|compromise|option|plan|arrangement|setup|proposal|terms|\d+))\b|\bi'll take the \$?\d",
     ("I'll take the revised offer.", "I'll gladly take it."),
     ("I'll take some time to think it over.",)),
    (r"\b(?:let's|lets|let us) (?:go with|do|lock|make|shake on|move forward with|proceed with) (?:that|it|this|the)\b|\blet's lock it in\b|\block it in\b",
     ("Let's go with that.", "Great, lock it in."),
     ("Let's talk about the bonus first.",)),
    (r"\b(?:i'd like to|i'll|i will|happy to|glad to|i'm happy to|delighted to|let's) go (?:ahead )?with\b(?! them)",
     ("I'd like to go ahead with the offer.",),
     ("I'll go with them if you can't match.",)),
    (r"\bi(?:'ll| will) (?:happily |gladly |gratefully )?accept (?:that|it|this|the|your)\b|\bon board with (?:it|that|this|the (?:\w+ )?(?:plan|proposal|compromise|idea|arrangement))\b",
     ("I'll gladly accept your offer.", "I'm on board with the hybrid plan."),
     ("I'm on board to start in June.",)),
    (r"\b(?:compromise|plan|proposal|suggestion|arrangement|option|idea|that|which|this) (?:\w+ ){0,3}works (?:well|great|perfectly|fine|for me|for us)\b",
     ("That compromise works well for me.", "The plan you outlined works for me."),
     ("The plan works, but only with the base at 120k.",)),
    (r"\b(?:happy|fine|good|okay|ok|comfortable|content|satisfied) with (?:that|this|the|your) (?:\w+ )?(?:arrangement|plan|proposal|offer|package|compromise|deal|option|setup|solution|terms)\b",
     ("I'm happy with the revised offer.", "Comfortable with that arrangement."),
     ("I'm not happy with the base salary.",)),
    (r"\b(?:that's|it's|that is) settled\b|\bsettled then\b|\bit's agreed\b|\bdone deal\b|\bfine by me\b|(?:^|[.!?,] ?)(?:that|this|\w+day|\w+ (?:plan|arrangement|setup)) (?:\w+ )?suits me\b|\bsuits me (?:fine|perfectly|well|great)\b",
     ("Fine by me.", "That's settled then, thank you."),
     ("Nothing is settled until I see the contract.",)),
    (r"\b(?:that's|that is|sounds|very|perfectly) agreeable\b|\b(?:proceed|go ahead|move forward|go forward) (?:on|with) (?:those|these|the|that|this) (?:terms|basis|plan|arrangement|package)\b|\bon those terms\b",
     ("That's agreeable to me.", "Happy to proceed on those terms."),
     ("Can we discuss the terms before I proceed?",)),
    (r"\bgot (?:yourself )?a deal\b|\b(?:decided|ready|going) to accept\b|\b(?<!was\s)(?<!were\s)(?:delighted|thrilled|excited) to (?:take|sign|go with)\b|\bmake it official\b|\bconsider it (?:agreed|done|a deal)\b",
     ("I've decided to accept the offer.", "Let's make it official."),
     ("I was excited to sign until I saw the non-compete.",)),
    (r"\b(?:i'm|i am) (?:\w+ )?agreeable to\b|\bi(?:'ll| will) (?:happily |gladly )?accept (?:as offered|as proposed|on (?:those|these) terms)\b",
     ("I am agreeable to the revised terms.", "I will accept on those terms."),
     ("Would you be agreeable to a 5k increase?",)),
    # "agreed", but not the passive of a request ("could be agreed").
    (r"(?<!be\s)(?<!been\s)\bagreed\b(?! (?:upon |on )?(?:if|whether|by|with (?:my|the) (?:partner|wife|husband)))|\bi agree to\b|\bwe're agreed\b",
     ("Agreed, 112k with a March start.",),
     ("The start date can be agreed later.",)),
    (r"\b(?:i'd|i would) (?:like|love) to (?:formally |officially )?accept\b(?![^.?!]*\bbut\b)|\b(?:want|wanted) to (?:formally |officially )?accept (?:the|your)\b(?![^.?!]*\bbut\b)",
     ("I'd love to formally accept the offer.",),
     ("I'd like to accept, but the base needs to move.",)),
    (r"\b(?:i'm|im) in\b[.!]|\bi'm in (?:for|on) (?:the|that|this)\b",
     ("I'm in!", "Okay, I'm in for the six-month contract."),
     ("I'm in the middle of another process.",)),
    (r"\bi can live with (?:that|it|this)\b|\b(?:a |that's a |sounds like a )fair (?:compromise|deal)\b|\bthat's (?:generous|very generous|a great offer)\b",
     ("I can live with that.", "That's a fair compromise."),
     ("I can't live with a 10% pay cut.",)),
    (r"\b(?:is|'s) (?:actually )?perfect(?: for me)?\b|\bthat's perfect\b",
     ("That's perfect, thank you.", "The hybrid setup is perfect for me."),
     ("The timing isn't perfect for me.",)),
    (r"\b(?:you've|you have) talked me into (?:it|that)\b|(?:^|[,.!?-]\s*)\$?\d[\d,.]*k? it is\s*[.!]*\s*$|\byou've convinced me\b|\bi'm sold\b|\bwe have a plan\b|\bcount me in\b(?! (?:if|once|when|for the long|either way|regardless))|\b(?:that's|it's) a (?:yes|go) (?:from me|then)\b|\ba yes from me\b",
     ("You've convinced me.", "115k it is."),
     ("You haven't convinced me yet.",)),
    (r"(?:^|[.!?,]\s*)(?:you've|you have|you) got (?:yourself )?(?:a|an) (?:new )?(?:[\w-]+ )?(?:hire|deal|yes|recruit|signature|\w+(?:er|or|ist|yst|ian|ant))\b",
     ("You've got yourself a new hire.", "Okay, you've got a deal."),
     ("Have you got a new hire for the other team yet?",)),
    (r"(?:^|[.!?]\s*)(?:done|ok|okay|great|perfect|yes|yep|sure)\s*[-,:]\s*[^.?!]{0,40}\bworks\s*[.!]*\s*$",
     ("Done - Monday start works.", "Ok, 112k with the extra week works."),
     ("Ok, which start date works best for you?",)),
    (r"\b(?:happy|glad|pleased) to (?:go with|take|sign)\b|\bi'll sign\b(?! (?:it )?(?:if|once|when))",
     ("I'll sign today.", "Happy to sign this week."),
     ("I'll sign once the equity is in writing.",)),
    (r"(?:^|[.!?,-]\s*)(?:(?:i'm|i am|very|really|more than) )?(?:happy|fine|good|okay|ok|content) with (?:that|this|it)\b|\b(?:is|are|sounds|seems) (?:\w+ )?(?:fine|good|great|ok|okay|acceptable) (?:with|by|to) me\b|\b(?:i'm|i am) ready to sign\b",
     ("I'm happy with that.", "The remote setup is fine by me."),
     ("My manager is happy with that, but I'm not.",)),
)]
# Staying on, or saying yes, after a counteroffer (stricter than _ACCEPT: a
# condition before the words, or in the next sentence, makes them the price
# of a demand: "If that is okay, I will stay.", "Sure, I'll stay. For 135
# and the lead title.").
_STAYING = [rx(p, yes=y, no=n) for p, y, n in (
    # Staying on, after a counteroffer: "Fair. I'll stay.", "Yes, I'm staying",
    # "I'll stay on those terms". Not after "and" or "then" (the price of a
    # demand: "the title and I'll stay", "$108k. Then I stay."), not "I'd stay".
    (r"(?:^|[.!?,;] ?|\b(?:ok|okay|yes|yeah|yep|ya|fair|deal|alright|right|good|great|well|cool|agreed|honestly|happily|gladly|then)\W+|\bsure[,.!] ?)(?:i(?:'ll| will| shall)|i'm|i am|i) (?:happily |gladly |gratefully |definitely |be )?stay(?:ing)?(?: on)?(?!\s*,?\s*(?:and|but|if|as long|provided|once|when|while|with|for|so long|unless)\b)(?= ?(?:[.!,;]|$|then\b|on (?:those|these|that|this|the new|the revised|your)\b|(?:at|with) (?!my\b|home\b|a\b|an\b|the hotel\b|his\b|her\b|their\b|them\b|friends?\b)\w+|for (?:sure|good)\b|here\b|yes\b))",
     ("Fair. I'll stay.", "Deal. I stay.", "Yes, I'll stay on those terms.", "okay cool yes I'm staying at the company"),
     ("I'm staying in Denver for now.", "Then I'm staying put.", "Give me the title and I'll stay.", "I'd stay if the base moved.",
      "One option: I stay, and we move me to four days a week.", "Like this you are sure I stay, and I recover the money.")),
    # Taking back a resignation: "Please consider my resignation withdrawn."
    (r"(?<!\band\s)(?<!\band\si\s)(?<!\bi.d\s)(?<!\bid\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bonce\si\s)(?<!\bwhen\si\s)(?<!\bafter\si\s)(?<!\bif\si\s)(?<!\bbefore\si\s)(?<!\bthen\si\s)\b(?:withdraw(?:ing)?|retract(?:ing)?|rescind(?:ing)?|pull(?:ing)?|tak(?:e|ing) back|cancel(?:l?ing)?|tear(?:ing)? up) (?:my |the )?resignation\b|\bresignation (?:is |as )?(?:withdrawn|rescinded|retracted|cancelled|canceled)\b",
     ("Yes. Withdrawing my resignation.", "Please consider my resignation withdrawn."),
     ("Two office days and I'd pull my resignation today.", "I handed in my resignation yesterday.",
      "I'd like a $5,000 retention bonus, paid once I withdraw my resignation.", "2 office days, 108k, and i pull my resignation today")),
    # Taking the counter, in the present: "I'll take the counter", "I take this
    # offer", "I am accepting what you have put on the table".
    (r"(?<!\bor\s)(?<!\botherwise\s)\bi(?:'ll| will)? (?:happily |gladly |gratefully )?(?:take|accept) (?:the|your|this|that) (?!other\b|their\b|competing\b|rival\b|outside\b)(?:\w+ )?(?:counter(?:-?offer)?|offer|deal|package|terms|proposal)\b|\bi (?:take|accept) what you (?:offer|propose|proposed|put|have put|are offering)\b|\bi am (?:happily |gladly )?(?:accepting|agreeing to)\b|\bi am agree\b",
     ("I'll take the counter.", "Okay, I take this offer, thank you.", "I am accepting what you have put on the table."),
     ("I'll take the other offer.", "I take your point about the budget.")),
    # A yes on its own: "Accepted.", "from my side it is accepted", "I say yes",
    # "it's a yes!!" (not "a yes if ...", not "I said yes to them").
    (r"(?:^|[.!?] ?)accepted\s*[.!]|\b(?:is|it's) accepted\s*(?:[.!,]|$)|(?<!\bbefore\s)(?<!\buntil\s)(?<!\bif\s)(?<!\bwhen\s)(?<!\bonce\s)(?<!\bthat\s)\bi (?:say|am saying|'m saying) yes\b(?! to\b)(?![^.?!]*\?)|\b(?:it's|that's|it is|that is) a (?:yes|go)\b(?=\s*(?:[.!,]|$|from\b|then\b|for me\b))",
     ("Accepted. Put it in writing.", "Is a good offer for me. I say yes.", "its a yes!! withdrawing my resignation"),
     ("It's a yes if you add the title.", "I accepted another offer last week.")),
)]
_BEFORE_COND = rx(r"\b(?:if|unless|as long as|provided|so long as|once|when|after|before|until|till|only if|assuming)\b",
                  yes=("If that is okay, ",), no=("Fair. ",))
_NEXT_COND = rx(r"^\W*(?:for(?! me\b)|if|as long as|provided|only if|but only|on condition|assuming|with|once|when|unless|otherwise|in exchange|in return)\b",
                yes=(" For 135 and the team lead title.",), no=(" Put it in writing.",))
_PRAISED = rx(r"\b(?:candidate|person|guy|he|she|they|hire|colleague|city|place|area|neighbou?rhood|weather|trip|vacation|holiday|weekend|party|restaurant|food|dinner|lunch|hike|wedding|book|podcast|show|conference|event)s? (?:[\w']+ ){0,3}$",
              yes=("The other candidate you mentioned ",),
              no=("The candidate you mentioned sounds great.",))
_ONLY_IF = rx(r"\b(?:only way|only if|unless|not|won't|can't)\b",
              yes=("Only if the base is 120k.", "I can't sign unless the start date moves."),
              no=("If the base is 120k, we're good.",))
_HYPOTHETICAL_CHANGE = rx(r"\b(?:higher|bigger|more|larger|extra|additional|lower|smaller)\b[^.?!]*\bwould (?:\w+ )?$",
                          yes=("A higher bonus with the same base would ",),
                          no=("A higher bonus would be fine by me.",))
_IF_YOU = rx(r"\b(?:if|as long as|provided|so long as) (?:you|we|the company|the firm|they) (?:can|could|will|would|are able)\b",
             yes=("If you can get to 130k, I'll sign.",),
             no=("If the base is 130k, I'll sign.",))
_CONDITIONAL = rx(r"\b(?:if|as long as|provided|so long as|on condition|only if|assuming)\b",
                  yes=("That works as long as the start date is March.", "Fine, assuming the bonus stays."),
                  no=("That works, thanks for sorting it.",))
# "if that's okay", "if you don't mind": politeness, not a condition.
_POLITE_IF = rx(r"\bif (?:that's|that is|it's|it is|this is) (?:ok|okay|alright|all right|fine)(?: (?:with|by|for) (?:you|everyone|everybody|hr|your side))?\b|\bif you (?:don't|do not) mind\b|\bif that works for (?:you|everyone|everybody|your side)\b",
                yes=("Yes, I'll stay on those terms, if that's okay.", "I'll take it, if you don't mind."),
                no=("That works if the base is 120k.",))


def _conditional(m: Message, a: int, b: int) -> bool:
    """A real condition between ``a`` and ``b`` (politeness aside)."""
    for c in _CONDITIONAL.finditer(m.norm, a, b):
        if not _POLITE_IF.match(m.norm, c.start()):
            return True
    return False


# Accepting somebody else's offer ("or I'll accept the other offer").
_ELSEWHERE = rx(r"^\W*(?:\w+ ){0,2}(?:(?:the )?other|their|theirs|another|an? (?:other|competing|rival)|them|elsewhere|the (?:[\w-]+ ){0,2}(?:firm|company|startup|fintech|bank|consultancy|agency|competitor|recruiter)s?\b(?! (?:plan|proposal|option|offer you))|(?:the )?(?:\w+ )?offer (?:from|at) (?!you))",
                yes=(" the other offer then.", " their offer instead."),
                no=(" the revised offer, thanks.",))


def accepts(m: Message) -> Span | None:
    for span in m.iter_matches(_ACCEPT, negatable=True, window=3):
        sa, sb = m.sentence_at(span[0])
        if _ELSEWHERE.search(m.norm[span[1]:min(sb, span[1] + 40)]):
            continue
        # "Sounds good in principle.": not yet a yes.
        if re.match(r"\s+(?:in principle|on paper|in theory)\b", m.norm[span[1]:span[1] + 16]):
            continue
        # "The other candidate you mentioned sounds great": praise of
        # someone or something else, not a yes.
        if m.norm.startswith("sounds", span[0]) and _PRAISED.search(m.norm, max(sa, span[0] - 40), span[0]):
            continue
        # Accepting on a condition is a counter-offer, not acceptance.
        if _conditional(m, span[0], sb) or _ONLY_IF.search(m.norm[sa:span[0]]):
            continue
        # "A higher bonus with the same base would be fine by me": a proposal.
        if _HYPOTHETICAL_CHANGE.search(m.norm, sa, span[0]):
            continue
        # "if you can get to 130 I'll sign": a counter-offer.
        if _IF_YOU.search(m.norm[sa:span[0]]):
            continue
        return span
    for span in m.iter_matches(_STAYING, negatable=True, window=3):
        sa, sb = m.sentence_at(span[0])
        if _ELSEWHERE.search(m.norm[span[1]:min(sb, span[1] + 40)]):
            continue
        if _conditional(m, span[0], sb) or _BEFORE_COND.search(m.norm, sa, span[0]) or _ONLY_IF.search(m.norm[sa:span[0]]):
            continue
        if sb < len(m.norm) and _NEXT_COND.match(m.norm[sb:sb + 60]):
            continue
        # "$108k plus the title. Then I stay.": the price of a demand (but
        # "Okay then, I'll stay" is a yes).
        if re.match(r"\W*then\b", m.norm[span[0]:span[1]]) and not re.search(r"\b(?:ok|okay|alright|all right|right|fine|well|good)\W*$", m.norm[sa:span[0]]):
            continue
        return span
    return None
