"""Tone and outcome: ``capitulates``, ``hostile``, ``gratitude``, ``accepts``."""

from __future__ import annotations

from ..lexicon import rx
from ..message import Message, Span

# ---------------------------------------------------------------------------
# capitulates
# ---------------------------------------------------------------------------

_CAPITULATE = [rx(p) for p in (
    r"\b(?:forget|disregard|ignore|scratch) (?:i (?:said|asked|mentioned)|what i (?:said|asked)|(?:about )?(?:it|that|this|my (?:\w+ )?(?:request|ask|email|message|question)|the (?:\w+ ){0,2}(?:thing|request|ask|idea|question|bit|part)))",
    r"\bplease disregard\b|\bforget i (?:said|asked|mentioned|brought)\b|\bforget (?:about )?the\b",
    r"\bi shouldn't (?:push|ask|press|be asking|be pushing|have pushed)\b|\bwhatever you can do is (?:great|fine|ok|okay|more than enough)\b|\bjust (?:happy|glad|grateful|lucky) to be (?:here|considered|offered|on board)\b",
    r"\bnever ?mind\b|\bnvm\b|\bi take (?:it|that|this) (?:all )?back\b|\b(?:pretend|act like|as if) i (?:never|didn't) (?:asked|ask|said|say|mentioned|brought)\b",
    r"\b(?:not|hardly) (?:really )?in (?:a|any) position to (?:negotiate|push|ask|bargain|haggle|make demands)\b",
    r"\b(?:don't worry|no worries|it's fine|that's fine|it's ok|it's okay)\b,? (?:\w+ ){0,2}i'll (?:just )?(?:make|take|go|stick|sign|accept|live)\b",
    r"\b(?:request|ask|question) (?:is )?withdrawn\b|\bwithdraw (?:my|the) (?:request|ask|question)\b|\bdrop (?:it|the (?:\w+ )?(?:request|ask|thing|idea))\b|\blet's (?:just )?drop it\b|\blet(?:'s)? forget\b",
    r"\bshouldn't have (?:even )?(?:asked|brought|mentioned|said|pushed|pressed|raised)\b|\bsorry (?:i|for) (?:even )?(?:asked|asking|bringing|brought|mentioning)\b|\bsorry i brought it up\b",
    r"\b(?:i'll|i will|i guess i'll|i'll just) (?:just )?(?:sign|take|do|accept|go|stick)\b(?=[^.?!]*(?<!-)\b(?:as is|as it stands|as planned|whatever|wherever|anyway|then(?!-)|fine|don't want|rather not|luck|choice)\b)",
    r"\bi'll just (?:sign|take|accept|do|go|stick)\b",
    r"\b(?:as is|as-is)\b(?=[^.?!]*(?:rock|risk|luck|don't want|fine|grateful|choice))|\b(?:take|accept|sign) it as(?:-| )is\b(?=[^.?!]*(?:rock|risk|luck|don't want|grateful|choice))",
    r"\b(?:don't|do not|didn't|dont) want to (?:be (?:the )?(?:difficult|a pain|greedy|pushy|demanding|a problem|that person|ungrateful)|come across as|seem|sound|rock the boat|cause (?:any )?(?:trouble|problems|issues)|make (?:a |any )?(?:fuss|scene)|jeopardi[sz]e|risk|push|make (?:this|it|things) awkward|lose (?:the|this) offer|upset|bother|impose)",
    r"\b(?:rather not|don't want to|not going to) push my luck\b|\bpush my luck\b|\brock the boat\b",
    r"\bnot (?:like|as if) i have (?:much of a |much |a |any )?choice\b|\bi(?: really)? don't have (?:much|a|any) (?:choice|leverage|bargaining power)\b",
    r"\b(?:fine|ok|okay|whatever),? (?:\w+,? )?(?:i'll|i will|i guess i'll) (?:just )?(?:sign|take|accept|do|go)\b",
    r"\b(?:don't|doesn't look like i|not like i|i don't|it's not like i) (?:really )?have (?:much|any|a lot of) (?:leverage|choice|say|power|bargaining)\b",
    r"\bwhatever you (?:decide|think|want|say) is (?:fine|ok|okay|best)\b|\bwhatever you say\b|\bwhatever you think is (?:fair|best|right)\b|\bi'll go wherever\b|\bwherever you (?:think|want|need)\b|\bi'm (?:honestly |really )?fine with (?:whatever|anything)\b|\bwhatever works\b(?= (?:for you|is fine))",
    r"\b(?:totally|completely|honestly|really|it's) (?:fine|ok|okay|understandable) if (?:not|it's a no|you can't|that's not|it isn't)\b|\b(?:i )?(?:totally |completely )?(?:get|understand) (?:it )?if (?:it's a no|not|you can't|that's not|it isn't|i'm asking too much)\b|\bfeel free to say no\b",
    r"\b(?:i'm|i am) (?:so |really |very |terribly )?sorry (?:to be a pain|to bother|for (?:all )?the trouble|for (?:being|asking|bothering)|if i came across|for even)\b|\bsorry,? sorry\b|\bsorry to (?:ask|be a pain|bother|be difficult)\b|\bsorry again\b|\bsorry for all\b",
    r"\b(?:overstepp\w*|asking too much|too much to ask|feel (?:bad|awful|terrible|guilty) (?:even )?(?:for )?(?:asking|bringing)|i feel (?:bad|awful|terrible|guilty)\b)",
    r"\b(?:let's|i'll) just (?:go with|take|leave|stick with|accept|sign)\b|\b(?:but|oh|eh|meh|so) whatever\b|\bnot what i (?:hoped|wanted|was hoping) for,? but\b",
    r"\bdon't feel (?:you have to|obliged|like you have to|bad)\b|\bno (?:need|obligation) to do anything\b|\b(?:i'm )?happy either way\b|\beither way is fine\b|\bwhatever works for you works for me\b|\bdon't want to lose (?:this|the) (?:opportunity|offer|job|role)\b",
    r"\b(?:please )?don't (?:hold it against me|take (?:this|it|my \w+(?: \w+)?) the wrong way|be mad|be offended)\b",
    r"\bno need to (?:look into|worry|check|bother|do anything)\b|\bplease don't worry about it\b|\bforget it\b",
    r"\b(?:it|that|this|the \w+|(?<![a-z])\w+) (?:is |'s |was )?(?:totally |really |absolutely |completely |honestly )?(?:fine|great|ok|okay|good) (?:as is|as it is|really|truly|honestly)\b",
    r"\bi (?:guess|suppose) (?:\$?\d+k?|it|that|the \w+|\w+) (?:is|'s) (?:fine|ok|okay|good enough)\b",
    r"\b(?:i'm|i am|i wasn't|wasn't) (?:not |really )?(?:good at|going to|really going to) (?:this|negotiat\w*)\b|\bi'm not good at this\b|\bwasn't really going to negotiate\b",
    r"\bjust (?:grateful|happy|lucky) to (?:get|have|be offered) (?:an|the|any)\b",
    r"\b(?:the|my) (?:original|current|first) (?:placement|offer|number|plan|location|office) is (?:\w+ )?(?:fine|great|ok|perfect)\b",
    r"\b(?:doesn't|does not) (?:really )?matter\b(?=[^.?!]*\b(?:sorry|fine|forget)\b)|\bit really doesn't matter\b|\bnot a big deal\b",
    r"\b(?:you're|you are) right,? (?:i|sorry)\b",
    r"\bi was going to ask\b[^.?!]*\bbut\b",
    r"\b(?:totally|perfectly|absolutely) (?:happy|fine|ok) with (?:the|my|\w+)\b(?=[^.?!]*\bsorry\b)|\bso sorry if\b",
    r"\bi didn't mean to (?:sound|come across|be|seem)\b",
    r"\bsorry (?:to have|for having|for) (?:made|making|caused|causing|asked|asking|bothered|bothering|been) (?:a |such a |any )?(?:fuss|trouble|pain|nuisance|bother|difficult)?|\b(?:made|making) a fuss\b",
    r"\bi'll make (?:it|this|that|\w+|the \w+) work\b(?=[^.?!]*(?:sorry|fine|worry|never ?mind|forget))|\bdon't worry about it\b(?=[^.?!]*\b(?:i'll|sorry|fine)\b)",
    r"\b(?:rather not|don't want to) risk\b|\bleave (?:the offer|it|things|everything) (?:as it is|as is|alone|there)\b|\blet's leave it\b",
    r"\b(?:it's|that's) (?:totally |really |absolutely )?fine,? i'll\b",
    r"\b(?:i'm|i am|i was) (?:probably |just |being )?(?:overcomplicating|overthinking|overdoing|making too much of) (?:this|it|things)\b",
    # Letting the ask go: "let's not worry about the bonus, I'm sure it's fine".
    r"\b(?:let's|lets) not (?:worry|bother|fuss) about (?:it|that|this|the \w+|my \w+)\b(?=.{0,60}\b(?:fine|ok|okay|forget|doesn't matter|no big deal)\b)",
)]


_TRADE = rx(r"\band i(?:'ll| will| can) (?:happily |gladly )?$")


def capitulates(m: Message) -> Span | None:
    best = None
    for span in m.iter_matches(_CAPITULATE):
        # "get me to 118 and I'll drop the title ask" is a trade.
        if _TRADE.search(m.norm, max(0, span[0] - 20), span[0]):
            continue
        if best is None or span[0] < best[0]:
            best = span
    return best


# ---------------------------------------------------------------------------
# hostile
# ---------------------------------------------------------------------------

_HOSTILE = [rx(p) for p in (
    r"\b(?:ridiculous|absurd|insulting|insult|laughable|pathetic|embarrassing|disgraceful|outrageous|unacceptable|shameful|incompetent|clueless|useless|a joke|a mess|a scam|a sham|a farce|bs|bullshit|crap|rubbish|nonsense|garbage|clown\w*|idiot\w*|stupid|dumb|lowball\w*|insane|unprofessional|disrespectful|shady|cheapskates?|stingy|joke of|shambles|circus|clown show|amateur\w*|disorgani[sz]ed|dodg\w+|stonewall\w*|evasive|ghost(?:ed|ing))\b",
    r"(?:^|[.!?] ?)(?:amazing|funny|interesting|incredible|nice|great|cool|wonderful|love) how (?:\w+ ){0,3}(?:fast|quick|quickly|slow|slowly|you|when|everyone)\b|\btrying to (?:squeeze|screw|cheat|rip off|con|shortchange) me\b|\byou(?:'re| are) (?:just |clearly |obviously |only )?trying to (?:squeeze|screw|cheat|con|lowball|underpay|take advantage|rip)\b",
    r"\b(?:this|so) (?:badly|poorly|terribly|shabbily)\b|\btreat (?:\w+ ){0,4}(?:badly|poorly|like (?:dirt|garbage|a number))\b|(?:^|[.!?] ?)(?:hilarious|priceless|classic|unbelievable|cute|rich|charming)\s*[.!]",
    r"\b(?:anyone|anybody|someone|nobody) (?:\w+ ){0,3}(?:competent|listening|read|paying attention|cares?|bothered)\b|\bnice to know\b|\bgood to know (?:that )?(?:my|i|you)\b|\bmeans nothing to you\b",
    r"\b(?:pretty|a bit|bit) rich\b|\bbluff\w*\b|\b(?<!be\s)lying\b(?! if)|\bliars?\b|\bdishonest\b|['\"][a-z -]{3,40}['\"],? (?:and then|then|but then|yet|right up until|until|while|whilst)\b",
    r"\bwast(?:ed|ing) (?:\w+ ){0,3}(?:my )?(?:time|life|weeks|days|months)\b|\b(?:(?:i )?don't know )?why (?:do )?i (?:even )?bother\b|\bbasic (?:manners|courtesy|respect|competence)\b|\bmanners\b",
    r"\b(?:are|do|did|have) you even\b|\blove that for me\b|\b(?:fantastic|great|brilliant|wonderful|perfect|lovely|awesome),? yet another\b|\byet another (?:delay|excuse|no|runaround)\b",
    r"\b(?:give me|just give me|get) a straight answer\b|\bjust answer the question\b|\bignoring my\b",
    r"(?:^|[.!?] )(?:very|so|really|super|how|oh so) (?:reassuring|useful|professional|comforting|encouraging|helpful)\s*[.!]*\s*$|\b(?:brilliant|great|wonderful|fantastic|perfect|lovely|awesome),? another\b|(?:^|[.!?]\s*)typical\s*[.!]*\s*$",
    r"\bif (?:your|you|the) (?:\w+ )?(?:had|'d) (?:been|told|done|bothered|listened)\b",
    r"\byou people\b|\byour people\b|\byou guys (?:always|never|clearly|really)\b|\bwhat's the point\b|\bwhat is the point\b",
    r"\bthanks for nothing\b|\bthanks a lot for (?:wasting|nothing|ignoring)|\b(?:thanks|thank you) (?:so much |a lot )?for (?:wasting|ignoring|stringing|the runaround)\b|\bwasting my time\b|\bwaste of (?:my )?time\b",
    r"\bstrung along\b|\bstringing me along\b|\bgive me the runaround\b|\brunaround\b|\bjerk(?:ing|ed)? me around\b|\bdragging (?:your|their) feet\b",
    r"\bwith a straight face\b|\bare you (?:seriously|serious|kidding|joking)\b|\byou(?:'ve| have) got to be kidding\b|\bseriously[,?!]\s*(?:what|why|how|you)",
    r"(?<!that.s\s)(?<!thats\s)(?<!that\sis\s)(?<!it.s\s)(?<!this\sis\s)\b(?:really|super|very) helpful\b[.!]*\s*(?:$|[🙄🙃])|\bwow,? (?:\d|thanks|so|really|just|you)\b|\b(?:oh|ah) (?:great|sure|wonderful|perfect|fantastic|brilliant|right|cool)\b|\bcool,? so\b|\bcan't wait\s*[.!]*\s*[🙄🙃]",
    r"[🙄🙃😒😤😡🤬🖕]|\beye ?roll\b|\b(?:yeah|sure),? right\b",
    r"\blet me guess\b|\bsurprise,? surprise\b|\bshocking\b|\bwhat a surprise\b|\bhow convenient\b",
    r"\bjust marketing\b|\bempty words\b|\blip service\b|\bjust says? no\b|\bsays? no to everything\b|\bon principle\b",
    r"\bdid (?:anyone|anybody|you) (?:even |actually )?read\b|\bdo you even\b|\bclearly (?:doesn't|don't|didn't|can't|hasn't) (?:know|understand|care|read)\b",
    r"\b(?:i'm|i am) (?:so |really )?(?:tired|sick|fed up) of\b|\bfed up\b|\bchasing (?:your|you|the)\b",
    r"\b(?:acting like|pretending) i\b|\bmade it up\b|\byou (?:promised|lied|said)\b(?=[^.?!]*\b(?:now|but|and now)\b)|\blied to me\b|\bbait and switch\b",
    r"\bwhy would anyone\b|\bwho (?:in their right mind|would ever)\b|\bwho came up with\b|\bwhoever came up with\b",
    r"\b(?:nobody|no one|noone|anyone) (?:\w+ ){0,3}(?:seems|is|are) (?:\w+ )?(?:capable|able|competent|willing)\b|\bmake (?:things|stuff|it all) up\b|\bi don't appreciate\b|\bhow dare\b|\bshame on\b|\bget (?:it|your act) together\b|\bdo your job\b",
    # "wow" alone is as often delight as scorn ("oh wow thank you!!"): only with another cue.
    r"\byou (?:really )?went all out\b|\bso generous\b(?=[^.?!]*[🙄🙃]|\s*$)",
    r"\bhandling this\b[^.?!]*\b(?:badly|poorly|terribly|embarrass\w*)|\b(?:badly|poorly|terribly) (?:run|handled|managed|organi[sz]ed)\b",
    r"\b(?:your|this|the) (?:offer|number|process|policy|company|hr|recruiter) (?:is|was|has been) (?:a )?(?:joke|mess|nightmare|disaster|ridiculous|absurd|insulting|garbage)\b",
    # Sarcasm without cue words: mock praise of the company's values,
    # "must be nice", "everyone except me", "it's only my career".
    r"\bmust be nice\b|\b(?:everyone|everybody|anyone|all of them) (?:\w+ )?(?:except|but) (?:for )?me\b|\bit's only my (?:career|life|future|livelihood|rent|money|time)\b",
    r"\b(?:glad|good|nice|great|lovely|reassuring) to see (?:\w+ ){0,4}(?:culture|values|people-first|transparency|family|mission)\b",
    r"\b(?:nobody|no one|no-one)(?:'s| has| have)? (?:\w+ ){0,4}(?:seems to|bothers to|ever|actually) (?:read|reads|listen|listens|reply|replies|answer|answers|care|cares|check|checks|know|knows)\b",
    r"\b(?:perfected|mastered) the art of\b|\bthe art of (?:saying nothing|stalling|dodging|avoiding|saying no)\b|\bwhat a (?:shock|shocker|surprise)\b|\bcolou?r me (?:shocked|surprised)\b",
    r"(?:^|[.!?] ?)(?:funny|amazing|interesting|incredible|convenient|strange) how (?:that|this|it|things|the|everything|nothing)\b|\bcan't imagine how (?:that|this) (?:ends|will end|turns out|goes)\b",
    r"(?:^|[.!?,] ?)(?:very|so|really|how|truly) (?:enlightening|illuminating|informative|insightful|generous|thoughtful|kind)\s*[.!]*\s*$|\bthe lecture\b|\blecture me\b",
    r"\boh (?:good|joy|lovely)\b|\bgood,? another\b",
    r"\b(?:nice|good|kind|big|decent|lovely) of you to (?:finally|eventually|at last|actually|bother)\b|\bto finally (?:reply|respond|answer|get back)\b|\b(?:that|the) memo (?:never|didn't|must not have)\b",
    # British understatement: mock praise of a reading, a reply or a delay
    # ("a novel interpretation of", "how marvellous that", "I do so enjoy
    # those", "Quite the offer.", "very thorough" after a three-word reply).
    r"\b(?:novel|creative|imaginative|liberal|loose|generous|elastic|interesting) (?:interpretation|reading|definition|understanding|use) of\b|\bi do so (?:enjoy|love|like|relish)\b|\bhow (?:marvell?ous|splendid|delightful|refreshing)\b",
    r"(?:^|[.!?] ?)(?:splendid|marvell?ous|wonderful|brilliant|fantastic|lovely|excellent|super)\s*[.!]+\s*another\b|(?:^|[.!?] ?)quite (?:the|some) (?:offer|package|number|process|response|reply|answer|policy|approach|welcome|turnaround)\s*[.!]",
    r"\b(?:i'd|i would) have been (?:more|less) (?:impressed|surprised|reassured)\b|\b(?:one|two|three|four|five)-(?:word|line|sentence) (?:reply|answer|response|email)\b|(?:^|[.!?] ?)not sure (?:who|why|for whom|what for)\s*[.!?]*\s*$",
    r"(?:^|[.!?,] ?)(?:very|so|really|truly|how|most) (?:thorough|detailed|comprehensive|forthcoming|prompt|speedy|timely)\s*[.!]*\s*$",
    r"\b(?:an exercise|a masterclass|a case study|a lesson|a textbook example|a study) in how not to\b|\bhow not to (?:treat|run|handle|hire|onboard|communicate)\b",
    r"\bdo(?:es)? (?:you|anyone|anybody|hr|the recruiter) (?:actually|even|ever) (?:read|listen|check|open)\b|\b(?:lazy|half-hearted|sloppy|careless|condescending|patroni[sz]ing|arrogant|tone-deaf|petty|spineless|cowardly|two-faced|mealy-mouthed)\b",
    r"\b(cool|great|nice|super|awesome|amazing|perfect)\W+\1\W+\1\b|(?:^|[.!?] ?)bold (?:move|choice|strategy)\b|\b(?:shudder|dread) to think\b",
    r"\b(?:should|might want to|need to|ought to) (?:re-?read|actually read|read) my (?:cv|resume|application|email|message|emails)\b",
)]
# Quoted company phrases used in scorn: 'we value flexibility', 'company policy'.
_SCARE_QUOTES = rx(r"(?:['\"])(?:we value|we'll see|we'll get back|we'll be in touch|we're working on it|circle back|company policy|people-first|check with|let me check|let me|our hands are tied|best we can do|no)\b[^'\"]{0,40}['\"]")


def hostile(m: Message) -> Span | None:
    span = m.find(_HOSTILE, negatable=True, window=2)
    if span:
        return span
    return m.find([_SCARE_QUOTES])


# ---------------------------------------------------------------------------
# gratitude
# ---------------------------------------------------------------------------

_THANKS = [rx(p) for p in (
    r"\b(?:thank you|thank u|thankyou|thanks|thanx|thx|ty|tysm|cheers|many thanks|much appreciated|much obliged)\b|\bta\b(?= (?:very much|muchly|mate|so much|for))",
    r"\b(?:i |i really |i truly |really |truly |i do |i )?(?:appreciate|appreciated|appreciating)\b",
    r"\b(?:grateful|thankful|gratitude)\b|\bi (?:really |truly |genuinely |do )?value (?:the time|your time|your help|your patience|your support|your effort|all (?:the|your)|everything you|how)\b",
    r"🙏",
)]
# Sarcastic thanks: "thanks for nothing", "thanks so much for the detailed 'no'".
_SARCASM = rx(
    r"\b(?:thanks|thank you) (?:\w+ ){0,3}(?:for the lecture|for nothing|for wasting|for ignoring|for the runaround|for the super|for the (?:\w+ )?detailed answer of|a bunch|i guess)|\b(?:thanks|thank you),? i (?:guess|suppose)\b|"
    r"\b(?:wow|oh|great|gee|cool),? (?:\w+ ){0,2}(?:thanks|thank you)\b(?![^.?]*!)|(?<!that.s\s)(?<!thats\s)(?<!it.s\s)(?<!this\sis\s)(?<!that\sis\s)\b(?:really|super|so) helpful\b|[🙄🙃]|answer of ['\"]no"
)


# "I'd appreciate it if we could..." is a polite request; "you can appreciate
# that..." asks for understanding.
_NOT_THANKS = rx(r"\b(?:i'd|i would) be (?:\w+ )?(?:grateful|thankful) to (?:hear|know|learn|understand|get|have|receive|see)\b|\b(?:i'd|i would|i will|i'll|we'd|we would) be (?:very |most |really |so |extremely |truly )?(?:grateful|thankful) (?:if|for (?:any|your consideration))\b|\b(?:i'd|i would) (?:really |greatly |so )?appreciate\b|\b(?:would|will) (?:really |greatly )?appreciate (?:it )?if\b|\b(?:would|will) be (?:\w+ )?(?:appreciated|welcomed?)\b|\byou (?:\w+ )?appreciate\b|\bappreciate (?:that|how|why|the fact)\b")


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

_ACCEPT = [rx(p) for p in (
    r"\b(?:that|this|it|which|sounds like it|everything) (?:all )?(?:works|would work|will work) (?:for me|well|great|perfectly|fine|for us)\b",
    r"^(?>\W*(?:ok|okay|yes|yeah|great|perfect|sure|alright)\b)*+\W*(?:that |this )?works(?: for me)?\b",
    r"\bworks (?:well |perfectly |fine |great )?for (?:me|us)\b|(?:^|[.!?,]\s*|\b(?:yes|ok|okay|yeah|great|perfect|sure|alright)\W*)(?:that|this) (?:totally |definitely |actually )?works\b",
    r"\bsounds (?:good|great|fair|perfect|reasonable|like a plan|like a deal|like a good plan)\b",
    r"(?:^|[.!?,]\s*)deal\b(?!\s*\?)|\bit's a deal\b|\byou've got a deal\b|\bwe have a deal\b",
    r"\bi (?:happily |gladly )?accept\b(?! (?:that|the fact|it'?s|your point))|\b(?:happy|pleased|delighted|glad|thrilled|excited) to (?:formally |officially )?accept\b|\bi'm accepting\b|\bi will accept\b",
    r"\bi'll (?:happily |gladly |gratefully )?take (?:it|that|the (?:\w+ ){0,4}(?:offer|deal|package|desk|seat|placement|role|number|compromise|option|plan|arrangement|setup|proposal|terms|\d+))\b|\bi'll take the \$?\d",
    r"\b(?:let's|lets|let us) (?:go with|do|lock|make|shake on|move forward with|proceed with) (?:that|it|this|the)\b|\blet's lock it in\b|\block it in\b",
    r"\b(?:i'd like to|i'll|i will|happy to|glad to|i'm happy to|delighted to|let's) go (?:ahead )?with\b(?! them)",
    r"\bi(?:'ll| will) (?:happily |gladly |gratefully )?accept (?:that|it|this|the|your)\b|\bon board with (?:it|that|this|the (?:\w+ )?(?:plan|proposal|compromise|idea|arrangement))\b",
    r"\b(?:compromise|plan|proposal|suggestion|arrangement|option|idea|that|which|this) (?:\w+ ){0,3}works (?:well|great|perfectly|fine|for me|for us)\b",
    r"\b(?:happy|fine|good|okay|ok|comfortable|content|satisfied) with (?:that|this|the|your) (?:\w+ )?(?:arrangement|plan|proposal|offer|package|compromise|deal|option|setup|solution|terms)\b",
    r"\b(?:that's|it's|that is) settled\b|\bsettled then\b|\bit's agreed\b|\bdone deal\b|\bfine by me\b|(?:^|[.!?,] ?)(?:that|this|\w+day|\w+ (?:plan|arrangement|setup)) (?:\w+ )?suits me\b|\bsuits me (?:fine|perfectly|well|great)\b",
    r"\b(?:that's|that is|sounds|very|perfectly) agreeable\b|\b(?:proceed|go ahead|move forward|go forward) (?:on|with) (?:those|these|the|that|this) (?:terms|basis|plan|arrangement|package)\b|\bon those terms\b",
    r"\bgot (?:yourself )?a deal\b|\b(?:decided|ready|going) to accept\b|\b(?<!was\s)(?<!were\s)(?:delighted|thrilled|excited) to (?:take|sign|go with)\b|\bmake it official\b|\bconsider it (?:agreed|done|a deal)\b",
    r"\b(?:i'm|i am) (?:\w+ )?agreeable to\b|\bi(?:'ll| will) (?:happily |gladly )?accept (?:as offered|as proposed|on (?:those|these) terms)\b",
    # "agreed", but not the passive of a request ("could be agreed").
    r"(?<!be\s)(?<!been\s)\bagreed\b(?! (?:upon |on )?(?:if|whether|by|with (?:my|the) (?:partner|wife|husband)))|\bi agree to\b|\bwe're agreed\b",
    r"\b(?:i'd|i would) (?:like|love) to (?:formally |officially )?accept\b(?![^.?!]*\bbut\b)|\b(?:want|wanted) to (?:formally |officially )?accept (?:the|your)\b(?![^.?!]*\bbut\b)",
    r"\b(?:i'm|im) in\b[.!]|\bi'm in (?:for|on) (?:the|that|this)\b",
    r"\bi can live with (?:that|it|this)\b|\b(?:a |that's a |sounds like a )fair (?:compromise|deal)\b|\bthat's (?:generous|very generous|a great offer)\b",
    r"\b(?:is|'s) (?:actually )?perfect(?: for me)?\b|\bthat's perfect\b",
    r"\b(?:you've|you have) talked me into (?:it|that)\b|(?:^|[,.!?-]\s*)\$?\d[\d,.]*k? it is\s*[.!]*\s*$|\byou've convinced me\b|\bi'm sold\b|\bwe have a plan\b|\bcount me in\b(?! (?:if|once|when|for the long|either way|regardless))|\b(?:that's|it's) a (?:yes|go) (?:from me|then)\b|\ba yes from me\b",
    r"(?:^|[.!?,]\s*)(?:you've|you have|you) got (?:yourself )?(?:a|an) (?:new )?(?:[\w-]+ )?(?:hire|deal|yes|recruit|signature|\w+(?:er|or|ist|yst|ian|ant))\b",
    r"(?:^|[.!?]\s*)(?:done|ok|okay|great|perfect|yes|yep|sure)\s*[-,:]\s*[^.?!]{0,40}\bworks\s*[.!]*\s*$",
    r"\b(?:happy|glad|pleased) to (?:go with|take|sign)\b|\bi'll sign\b(?! (?:it )?(?:if|once|when))",
    r"(?:^|[.!?,-]\s*)(?:(?:i'm|i am|very|really|more than) )?(?:happy|fine|good|okay|ok|content) with (?:that|this|it)\b|\b(?:is|are|sounds|seems) (?:\w+ )?(?:fine|good|great|ok|okay|acceptable) (?:with|by|to) me\b|\b(?:i'm|i am) ready to sign\b",
)]
_PRAISED = rx(r"\b(?:candidate|person|guy|he|she|they|hire|colleague|city|place|area|neighbou?rhood|weather|trip|vacation|holiday|weekend|party|restaurant|food|dinner|lunch|hike|wedding|book|podcast|show|conference|event)s? (?:[\w']+ ){0,3}$")
_ONLY_IF = rx(r"\b(?:only way|only if|unless|not|won't|can't)\b")
_HYPOTHETICAL_CHANGE = rx(r"\b(?:higher|bigger|more|larger|extra|additional|lower|smaller)\b[^.?!]*\bwould (?:\w+ )?$")
_IF_YOU = rx(r"\b(?:if|as long as|provided|so long as) (?:you|we|the company|the firm|they) (?:can|could|will|would|are able)\b")
_CONDITIONAL = rx(r"\b(?:if|as long as|provided|so long as|on condition|only if|assuming)\b")


# Accepting somebody else's offer ("or I'll accept the other offer").
_ELSEWHERE = rx(r"^\W*(?:\w+ ){0,2}(?:(?:the )?other|their|theirs|another|an? (?:other|competing|rival)|them|elsewhere|the (?:[\w-]+ ){0,2}(?:firm|company|startup|fintech|bank|consultancy|agency|competitor|recruiter)s?\b(?! (?:plan|proposal|option|offer you))|(?:the )?(?:\w+ )?offer (?:from|at) (?!you))")


def accepts(m: Message) -> Span | None:
    for span in m.iter_matches(_ACCEPT, negatable=True, window=3):
        sa, sb = m.sentence_at(span[0])
        if _ELSEWHERE.search(m.norm[span[1]:min(sb, span[1] + 40)]):
            continue
        # "The other candidate you mentioned sounds great": praise of
        # someone or something else, not a yes.
        if m.norm.startswith("sounds", span[0]) and _PRAISED.search(m.norm, max(sa, span[0] - 40), span[0]):
            continue
        # Accepting on a condition is a counter-offer, not acceptance.
        if _CONDITIONAL.search(m.norm[span[0]:sb]) or _ONLY_IF.search(m.norm[sa:span[0]]):
            continue
        # "A higher bonus with the same base would be fine by me": a proposal.
        if _HYPOTHETICAL_CHANGE.search(m.norm, sa, span[0]):
            continue
        # "if you can get to 130 I'll sign": a counter-offer.
        if _IF_YOU.search(m.norm[sa:span[0]]):
            continue
        return span
    return None
