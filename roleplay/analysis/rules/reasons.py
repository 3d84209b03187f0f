"""How a request is justified or framed: ``employer_benefit``,
``personal_preference``, ``affirms_commitment``."""

from __future__ import annotations

import re

from ..lexicon import KIN, alt, rx
from ..message import Message, Span
from .common import FIRST_PERSON

# ---------------------------------------------------------------------------
# employer_benefit
# ---------------------------------------------------------------------------

_ORG_NOUN = alt(
    r"clients?", r"customers?", r"accounts?", r"patients", r"team'?s?", r"teams", r"group",
    r"firm'?s?", r"company'?s?", r"business", r"org(?:ani[sz]ation)?'?s?", r"practice", r"department",
    r"office", r"branch", r"project", r"engagement", r"territory", r"region", r"market",
    r"pipeline", r"revenue", r"deals?", r"prospects?", r"sales", r"growth", r"launch", r"roadmap", r"strategy", r"goals",
    r"deadlines", r"sprint", r"hires", r"juniors", r"graduates", r"staff", r"colleagues", r"new starters", r"deliver\w*", r"coverage", r"overlap", r"costs?", r"budget",
    r"travel", r"headcount", r"backfill", r"retention", r"turnover", r"bottom line",
    r"partners", r"stakeholders", r"contracts?", r"implementation", r"rollout",
)
_EMPLOYER_BENEFIT = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:(?:an hour|\d+ (?:minutes|mins|hours?)|a short drive|walking distance|close|near|closer) (?:\w+ ){0,2}(?:from|to) (?:the|our|your) (?:\w+ )?(?:lab|site|plant|hq|clients?|factory|warehouse|hospital|campus|port|customers?))\b",
     ("I live 20 minutes from the plant, so I could be on site fast.", "I'm a short drive to your main clients."),
     ("The office is 20 minutes from the station.",)),
    (r"\b(?:help|helps|helping|support|supporting|serve|serving|cover|covering|grow|growing|strengthen|strengthening|build|building|expand|expanding|lead|leading|mentor|mentoring|train|training|coach|coaching|onboard|onboarding|staff|staffing|steady|stabili[sz]e|own|manage|handle|handling|take on|take over|(?<!the\s)work with|(?<!the\s)working with|best work for|be on site for|be closer to|be near|be there for|be in the room with|meet with|travel to) (?:\w+ ){0,4}" + _ORG_NOUN + r"\b",
     ("I could help your sales team close more deals.", "I'd be mentoring the juniors from day one."),
     ("Can you help me understand how the bonus works?",)),
    (r"\b(?:save|saves|saving|cut|cuts|cutting|reduce|reduces|reducing|lower|lowers|avoid|spare|sparing|take (?:some )?(?:load|pressure|work) off) (?:\w+ ){0,4}(?:costs?|money|travel|expenses?|budget|time|the team|you|a (?:hire|headcount)|backfill\w*|flights|load|pressure|interpreters|recruiting|churn|attrition|turnover|overhead|delays|risk|\$)",
     ("Being local would save you the relocation budget.", "It cuts recruiting costs for you."),
     ("I've been cutting back on overtime lately.",)),
    (r"\b(?:good|better|win) for (?:the team|the company|the firm|you|your team|the business)",
     ("I think this setup is good for the team as well.",),
     ("That start date is better for me.",)),
    # "with me billable on the hospital accounts", "it pays for itself within a quarter"
    (r"\b(?:i.d be|i would be|i.ll be|i will be|i.m|i am|me|being) billable (?:on|for|from|in|to)\b|\b(?:save|saves|saving|covers?|pays? for) (?:that|this|it|itself|them) (?:\w+ ){0,3}(?:within|in|by|inside|over) (?:a|one|two|three|the first|\d+) ?(?:quarter|month|year|weeks?|months?)\b",
     ("I'd be billable on the hospital accounts straight away.", "The certification pays for itself within a quarter."),
     ("Is this role billable at all?",)),
    (r"\b(?:win-win|win win|mutual(?:ly)? benefi\w+|benefit (?:the|your|both))\b",
     ("I think a hybrid setup is a win-win.",),
     ("I'd like to understand the benefits package.",)),
    (r"\b(?:for|to) (?:you|your team|the team|the company|the firm|the business|the clients) too\b|\b(?:better|easier|cheaper) for (?:you|your|the team|the company)",
     ("A later start date would work for you too.", "Remote is cheaper for the company."),
     ("That would be easier for me.",)),
    (r"\b(?:ramp up|get up to speed|hit the ground running|be productive|be more productive|hit (?:my|the) (?:\w+ )?(?:targets|goals|numbers)|deliver (?:more|faster|better))",
     ("With the right setup I can hit the ground running.",),
     ("I'm worried about the ramp period.",)),
    (r"\b(?:retention(?! bonus)|retain|stay long[- ]term|stay longer|stick around|burn ?out|turnover|less likely to leave|more likely to stay)\b",
     ("Flexibility would make me more likely to stay.", "It really helps with retention."),
     ("Is there a retention bonus in the package?",)),
    (r"\b(?:client relationships?|relationships with (?:\w+ ){0,3}(?:clients?|customers?|accounts?|partners|buyers|suppliers)|client (?:base|work|meetings|sites?|coverage|demand)|book of business|existing relationships|contacts (?:in|at|there))\b",
     ("I already have strong client relationships in the region.", "I'd bring my book of business with me."),
     ("I have great relationships with my old manager.",)),
    (r"\b(?:bring|bringing) (?:\w+ ){0,4}(?:skills|relationships|clients|contacts|experience|expertise|network|accounts) (?:\w+ ){0,3}(?:to|with|back|on day)",
     ("I'm bringing ten years of experience to the team.",),
     ("Should I bring my laptop on the first day?",)),
    (r"\b(?:what i (?:expect to|can|will|could) (?:deliver|bring|contribute))|\bcontribute\b",
     ("Let me walk you through what I can deliver in year one.", "I'm keen to contribute."),
     ("What's the employer pension contribution?",)),
    (r"\b(?:carry more weight|credibility with|more effective|be effective)\b",
     ("The senior title would give me credibility with clients.",),
     ("Is the raise effective from January?",)),
    (r"\b(?:(?:has|have) lost|losing) (?:\w+ )?(?:people|staff|analysts|engineers|talent|clients|accounts|members|consultants|underwriters|associates|\w+ers)\b",
     ("I know the team has lost two engineers this year.",),
     ("I'd hate losing momentum on this.",)),
    (r"\b(?:short|down) (?:\w+ )?(?:people|consultants|analysts|engineers|staff|heads|hands|members|associates|designers|nurses)\b|\bon the ground\b",
     ("I heard the team is short two engineers.", "Having someone on the ground in Austin helps."),
     ("I'm a bit short on time this week.",)),
    (r"\b(?:clients?|customers?|accounts?|prospects?|partners?)(?:'s)? (?:\w+ ){0,4}(?:based|located|headquartered|hq|are mostly|is mostly|are there|is there|are in|is in)\b|\b(?:its|their) (?:hq|headquarters|head office)\b",
     ("Most of your clients are based in Chicago.",),
     ("Where is the office based?",)),
    (r"\bsave (?:the firm|the company|the team|you|your team|the business)\b",
     ("Hiring me locally would save the company a relocation package.",),
     ("I'm trying to save for a deposit.",)),
    (r"\b(?:ease|lighten|reduce|share|spread) (?:their|the|your|its) (?:\w+ )?(?:load|workload|pressure|burden|backlog)\b|\b(?:oversubscribed|overloaded|overstretched|swamped|overworked)\b",
     ("I could take some of the audits and ease the team's workload.", "I know your analysts are swamped."),
     ("I'd like to reduce my commute.",)),
    (r"\b(?:closer|nearer|near|close|next) to (?:the |our |your )?(?:\w+ ){0,2}(?:sites?|clients?|customers?|accounts?|plants?|labs?|port|hq|factory|warehouse|hospitals?|campus|mines?)\b|\b(?:biggest|largest|key|main|top|most important) (?:\w+ )?(?:accounts?|clients?|customers?)\b",
     ("Being in Austin puts me closer to your biggest clients.",),
     ("I'd like to be closer to my family.",)),
    (r"\bhiring (?:\w+ ){0,3}(?:has been |is |'s been |has proven )?(?:hard|difficult|tough|slow|a challenge)\b|\bhard to (?:hire|fill|recruit)\b|\balready (?:there|based there|local|on site)\b",
     ("I know hiring in Leeds has been tough.", "I'm already local, so no relocation is needed."),
     ("The hiring manager was great to talk to.",)),
    (r"\b(?:your|the|our) (?:\w+ ){0,3}(?:clients?|customers?|team|accounts?|patients|users) (?:would|could|will|'d) (?:\w+ )?(?:get|have|benefit|gain|see|save|receive)\b",
     ("Your Boston clients would get same-day support.",),
     ("The team would like an answer by Friday.",)),
    (r"\bfree(?:s|ing)? up (?:\w+ ){0,3}(?:person|people|time|capacity|resources|budget|someone|seat|headcount|hours)\b|\bsame-day\b|\bface time with (?:the )?clients?\b",
     ("That would free up a senior person for the migration.",),
     ("I'll be free after lunch if you want to talk.",)),
    (r"\b(?:clients?|customers?|accounts?|team|office|region|territory) (?:\w+ ){0,3}(?:lack|lacks|(?:would )?lose (?:their|its|the) (?:only|main|dedicated|key)|go without|without (?:a|an|any)|(?:are|is|currently|sit) (?:\w+ )?(?:unassigned|uncovered|unstaffed|unserved))\b|\b(?:unassigned|uncovered|unstaffed) (?:accounts|clients|territory|region)\b",
     ("Right now the northern region is without a dedicated rep.", "There are five unassigned accounts in my patch."),
     ("I'd hate to leave my current team without notice.",)),
    (r"\b(?:short-?staffed|understaffed|stretched(?: thin)?|open (?:\w+ )?(?:reqs|roles|positions|headcount)|hiring for|trying to (?:grow|expand|build|win|break into|develop|land))\b",
     ("I know the team is understaffed at the moment.",),
     ("I'm trying to decide by Friday.",)),
    (r"\b(?:exactly|precisely) (?:my|what i) (?:background|experience|expertise|specialty|specialism|do)\b|\bmy (?:background|experience|expertise) (?:is )?in\b",
     ("Payments compliance is exactly my background.", "My experience is in hospital billing systems."),
     ("My experience with recruiters has been mixed.",)),
    (r"\b(?:the|your) (?:\w+ )?(?:team|office|branch|practice) (?:needs|could use|lacks|doesn't have|is (?:short|growing|expanding|stretched|behind))\b",
     ("It sounds like the Leeds office needs another senior.",),
     ("My team needs me until March.",)),
    (r"\b(?:someone|somebody|a person|an analyst|a consultant|an engineer) (?:local|on site|on-site|nearby|on the ground|in (?:the|their) (?:same )?time ?zone)\b|\blocal (?:presence|point of contact|coverage)\b",
     ("Your clients keep asking for someone local.", "It gives you a local point of contact."),
     ("Is there someone in HR I should talk to?",)),
    (r"\bwhich (?:your|the) (?:\w+ ){0,2}(?:team|office|staff|people|department) (?:can't|cannot|doesn't|don't|lacks?|is missing)\b|\bwhich (?:nobody|no one) (?:\w+ ){0,3}(?:can|could)\b|\bno one (?:there |here )?(?:with|who has) (?:my|the same|that)\b",
     ("I speak Portuguese, which your support team can't cover right now.", "There's no one there with my SAP background."),
     ("Which team would I be joining?",)),
    (r"\b(?:start )?bill(?:ing|able)? (?:\w+ )?(?:from day one|straight away|immediately|right away|from the start|from the first)\b|\boverlap with (?:your|the|their) (?:\w+ ){0,2}(?:team|office|clients?|customers?)\b",
     ("I could start billing from day one.", "I'd overlap with your London team every morning."),
     ("I'd rather not bill hourly on this project.",)),
    (r"\b(?:native|fluent|bilingual|speak) (?:\w+ ){0,3}(?:speaker|spanish|german|french|mandarin|portuguese|english|japanese|hindi|arabic)",
     ("I'm a native German speaker, which helps with the DACH accounts.",),
     ("Could I speak to someone about the relocation package?",)),
    (r"\b(?:strategic|strategy|pipeline|revenue|market share|apac|emea|latam|dach)\b",
     ("I can grow revenue in the EMEA region.",),
     ("I'll think about it strategically and get back to you.",)),
    (r"\b(?:lines? up (?:better|well|nicely) (?:for|with) (?:you|the team|your)|which (?:i know )?helps with)",
     ("A March start lines up nicely with your product launch.", "I'm in the same time zone, which helps with client calls."),
     ("Let me line up my references for you.",)),
    (r"\binvest(?:s|ed|ment)? in (?:training|developing|me|new hires|associates)",
     ("If you invest in training me, I'll repay it quickly.",),
     ("I'd like to invest in my pension.",)),
    # Shortening the employer's cycle: "shorten the implementation cycle".
    (r"\b(?:shorten|shortens|shortening|speed up|speeds up|cut down) (?:\w+ ){0,3}(?:cycles?|timelines?|implementation|onboarding|ramp\w*|rollout|sales cycle|time to value)\b",
     ("My Salesforce background would shorten the implementation timeline.",),
     ("Could we shorten my notice period?",)),
    # Giving the clients something: "give your West Coast clients two extra hours of overlap".
    (r"\b(?:give|giving|gives|offer|offering) (?:your|the|our) (?:\w+ ){0,3}(?:clients?|customers?|team|accounts?|users|patients) (?:\w+ ){0,3}(?:overlap|coverage|access|support|a local|someone local)\b|\bhours of overlap\b",
     ("Working from Denver would give your West Coast clients two extra hours of overlap.",),
     ("Can you give the team my thanks?",)),
    (r"\b(?:on|at) (?:the|their|your) (?:\w+ )?doorstep\b|\bon the doorstep of\b|\bin the same (?:city|town|time ?zone|building) as (?:the|your|their|our) (?:\w+ )?(?:clients?|customers?|accounts?|team)\b",
     ("I'd be right on the clients' doorstep.", "I'm in the same time zone as your biggest clients."),
     ("I'm in the same city as my sister.",)),
    (r"\b(?:solve|solves|solving|fix|fixes|clear|clears|plug|plugs) (?:\w+ ){0,2}(?:your|the team's|the|their) (?:\w+ ){0,2}(?:backlog|gap|problem|shortage|vacanc\w+|headcount|hiring)\b",
     ("I could help clear the audit backlog in my first quarter.",),
     ("I want to be clear about my expectations.",)),
    # Cost framing: "same cost to you", "one less desk to lease".
    (r"\b(?:same|no extra|no additional|zero|neutral|lower|less) cost (?:to|for) (?:you|the company|the firm|the team|the business)\b|\bcost-neutral\b|\b(?:one less|one fewer|fewer|less) (?:desks?|seats?|office space|floor space|square (?:feet|footage)|flights|hotel stays)\b",
     ("Remote would mean one less desk to lease.", "It's the same cost to you either way."),
     ("Is there any extra cost for parking?",)),
)]

# The candidate's own experience or capacity offered as value to the
# organisation (no "my ..." veto: "my network could help your sales team").
_EMPLOYER_VALUE = [rx(p, yes=y, no=n) for p, y, n in (
    # The candidate's capacity offered as value: "I could be billable on those
    # accounts from week one", "support them from day one".
    (r"\b(?:i|i'd|i'll|i could|i can|i would|i will)\b[^.?!;]{0,40}\b(?:support|cover|serve|handle|help|contribute|deliver|run|lead|work on|take on|staff|be billable|be useful|be productive|add value|bill)\b[^.?!;]{0,40}\b(?:from|on|in) (?:day one|day 1|week one|week 1|the (?:first|very first) (?:day|week|month|sprint)|the (?:start|outset|get-go|off))\b",
     ("I could support the hospital accounts from day one.",),
     ("I could start on day one.",)),
    (r"\b(?:billable|productive|useful|valuable|an asset|up and running|contributing|effective)\b[^.?!;]{0,40}\b(?:from|on|in|within) (?:day one|day 1|week one|week 1|the (?:first|very first) (?:day|week|weeks|month)|the (?:start|outset)|(?:a|two|three|\w+) weeks?)\b",
     ("I'd be up and running within two weeks.",),
     ("I'd be up and running fairly quickly.",)),
    # Own experience matched to the employer's need: "which is exactly the
    # work your migration needs", "the skill set your roadmap calls for".
    (r"\b(?:what|exactly what|precisely what|the (?:\w+ ){0,2}(?:work|skills?|skill set|experience|expertise|profile|background|kind of \w+|thing))\b[^.?!;]{0,30}\b(?:your|the team's|the firm's|the company's|the client's|the clients') (?:\w+ ){0,3}(?:needs?|calls? for|requires?|is looking for|asks? for|lacks)\b",
     ("That's exactly the work your migration needs.",),
     ("What would my first project be?",)),
    (r"\b(?:clients?|customers?|accounts?|team|project|office) (?:\w+ ){0,3}(?:would|will|'d) be in (?:safe|good|capable|experienced) hands\b",
     ("Your accounts would be in safe hands with me.",),
     ("I'm in good hands with this recruiter.",)),
    (r"\b(?:your|the) (?:\w+ ){0,3}(?:team|teams|office|clients?|customers?|business|sales|launch|project|expansion|roadmap|migration|rollout|platform)\b[^.?!;]{0,40}\b(?:could|can|would|will) (?:\w+ )?(?:tap|use|leverage|draw on|benefit)\b",
     ("Your sales team could draw on my contacts in Munich.",),
     ("Your team would need to approve the remote setup.",)),
    (r"\b(?:speed|spe[e]d) (?:that|this|it|things) up\b|\b(?:accelerate|de-?risk|jump-?start|kick-?start) (?:the|that|this|your|it)\b",
     ("My Kubernetes experience would speed things up.", "I could de-risk the migration."),
     ("Could we speed up the paperwork?",)),
    (r"\bi (?:can|could|'d|would|will) (?:\w+ )?(?:do|deliver|bring|achieve|repeat|replicate) (?:the same|that|this|similar|it) (?:\w+ )?(?:for|at|with) (?:your|the|you)\b",
     ("I grew the channel 40% at Acme and I can do the same for your team.",),
     ("I can do that by Friday.",)),
    (r"\b(?:i've|i have|i) (?:\w+ )?(?:built|shipped|led|run|ran|delivered|launched|migrated|managed|done|designed|implemented|set up|rolled out|spent \w+ years on|worked on) (?:\w+ ){0,6}(?:like yours|like this|just like|similar to yours|for (?:a|an) (?:\w+ )?(?:client|firm|company) like)\b",
     ("I've built three data platforms just like yours.",),
     ("I've built three data platforms at my last job.",)),
    (r"\b(?:so|which means|meaning) i (?:could|can|would|will|'d) (?:\w+ ){0,3}(?:have|get|deliver|support|cover|handle|run|lead|take on|start on|help|be)\b[^.?!;]{0,50}\b(?:your|their|them|those|the (?:\w+ )?(?:clients?|accounts?|launch|project|team|migration|deadline|release))\b",
     ("I'm already certified, so I could start on your accounts in March.",),
     ("So I could start in March, if that works.",)),
    (r"\b(?:clients?|customers?|team|office|accounts?|project) (?:\w+ )?(?:need|needs|want|wants|require|requires|ask for|asks for|are asking for|lack|lacks) (?:someone|somebody|a person|an? (?:\w+ )?(?:analyst|engineer|lead|specialist|expert|person|hand))\b",
     ("Your Texas clients need someone who knows the local regulations.",),
     ("The team needs an answer by Friday.",)),
    (r"\b(?:\w+ )?(?:people|heads|staff|analysts|engineers|members|hires) (?:down|short)\b|\bfill(?:s|ing)? (?:a |the |that |an )?(?:\w+ )?(?:gap|hole|vacancy|need)\b",
     ("I hear the team is two engineers short.", "I could fill the gap until you hire."),
     ("I'd like to fill out the paperwork this week.",)),
    (r"\b(?:has|have) no(?: ?one|body) (?:\w+ )?(?:who|that) (?:knows|can|has|covers|speaks|understands)\b|\b(?:exactly|precisely|just) what i(?:'m| am) (?:good|best|great|strong|known) (?:at|for)\b|\bexactly what i do\b",
     ("Your Lisbon office has nobody who speaks Portuguese natively.", "Turnarounds are exactly what I'm good at."),
     ("I'm not sure what I'm good at outside sales.",)),
    (r"\boff (?:your|their|the team's|his|her|\w+'s) (?:\w+ ){0,3}plate\b|\bramp[- ]?up (?:\w+ )?(?:would|will|'d|should) be (?:minimal|short|quick|fast|negligible)\b|\b(?:minimal|little|no|short|fast|quick) ramp[- ]?up\b",
     ("I could take the reporting off your plate.", "I know the stack, so ramp-up would be minimal."),
     ("I've got a lot on my plate right now.",)),
    (r"\b(?:clients?|customers?|accounts?|users) (?:\w+ ){0,4}(?:keep |are |have been |kept )?(?:asking|want|wanting|need|needing|demanding|requesting) (?:for )?(?:more )?(?:face time|someone|a local|in-person|on-site|local)\b",
     ("Your clients keep asking for more face time.",),
     ("Clients are asking for discounts everywhere right now.",)),
    (r"\b(?:i'd|i would|i'll|i will|i can|i could) bring (?:\w+ ){0,5}(?:contacts|clients|relationships|network|accounts|experience|expertise|book of business|pipeline|leads)\b",
     ("I'd bring a strong network of hospital contacts.",),
     ("I'll bring my passport on the first day.",)),
    (r"\b(?:my|our) (?:network|contacts|connections|relationships|languages?|german|french|spanish|mandarin|japanese)\b[^.?!;]{0,60}\b(?:could|can|would|will) (?:\w+ )?(?:help|speed|open|tap|bring|win|support|accelerate)\b",
     ("My network in the Nordics could help you open that market.",),
     ("My contacts at my old firm will be sad to see me go.",)),
    # What the employer loses with the candidate gone: "there might be a gap
    # if I went", "it slips without me", "at risk if I am leaving".
    (r"\b(?:gap|hole|void|slips?|slipping|stalls?|stalling|suffers?|at risk|delayed|scramble|falls? (?:over|behind|apart)|breaks?|stops?)\b[^.?!]{0,40}\b(?:if i (?:went|left|leave|go|quit|were gone|am leaving|am gone)|without me|once i(?:'m| am)? gone|when i (?:leave|go))\b|\b(?:if i (?:went|left|leave|go|quit|am leaving)|without me|once i(?:'m| am)? gone)\b[^.?!]{0,40}\b(?:gap|hole|slips?|slipping|stalls?|suffers?|at risk|delayed|scramble|falls? (?:over|behind|apart)|breaks?)\b",
     ("I built the carrier scorecard, so there might be a gap if I went.", "The Q3 forecast is mine. It slips without me.", "if i leave rn it def slips"),
     ("I'll send the file before I leave.",)),
    (r"\b(?:me|my) staying\b[^.?!]{0,40}\b(?:keep|keeps|give|gives|giving|means|avoid|avoids|protect|protects|continu\w*|secure|secures)\b|\bif i stay\b[^.?!]{0,40}\b(?:continues?|on track|continuity|without (?:a )?(?:stop|break|gap|delay)|keeps? (?:going|running))\b",
     ("The renewal depends on my analysis, so my staying is giving continuity to that project.", "If I stay, the project continues without stop."),
     ("If I stay, I want to know the plan.",)),
    # What replacing the candidate costs: "Replacing me costs more than a
    # raise", "training a successor would take six months", "keeping me is cheaper".
    (r"\b(?:replac\w*|train\w* (?:up )?(?:a |an |the )?(?:successor|replacement|new (?:\w+ )?(?:hire|analyst|person|starter|engineer|recruit|joiner))|hir\w* (?:and train\w* )?(?:a |an |the )?(?:new|replacement|successor|someone new|somebody new)|backfill\w*|recruit\w* (?:and train\w* )?(?:a |an )?(?:successor|replacement|new|someone))\b[^.?!]{0,60}\b(?:cost\w*|takes?|months?|expensive|more than|fees?|ramp\w*)\b|\b(?:keep|keeping|retain\w*) me\b[^.?!]{0,25}\b(?:cheaper|more cheap|less expensive|costs? less|saves?)\b",
     ("Replacing me costs more than a raise.", "Recruiting and training a successor would take three to six months.", "Keep me is more cheap for the company."),
     ("I'm replacing my laptop next week.",)),
    (r"\b(?:a|any|the) new (?:hire|person|analyst|starter|recruit|joiner|engineer|\w+er) (?:doesn't|does not|wouldn't|won't|can't|would need|would take|will need|will take|needs)\b|\b(?:wouldn't|won't|will not|would not) be (?:any|much) ramp[- ]?up\b",
     ("I know our carriers. A new hire doesn't.", "There wouldn't be any ramp-up at all if I stayed."),
     ("The new hire starts on Monday.",)),
    # The candidate as the one who keeps things going: "I keep the ops
    # dashboards running", "only I know how it works", "the renewal depends
    # on my analysis", "I already train every new analyst".
    (r"\bi (?:keep|kept|am keeping|'m keeping|run|maintain) (?:the |our |your |all the |all our )?(?:[\w-]+ ){0,3}(?:running|going|alive|on track|up and running|afloat|ticking)\b|\b(?:only i know|i'm (?:\w+ )?the only (?:one|person)|i am (?:\w+ )?the only (?:one|person)|(?:nobody|no one|no-one) else (?:knows|is knowing|can|understands))\b(?![^.?!]*\b(?:kids?|children|mum|mom|dad|parents?|family|partner|wife|husband|dog)\b)",
     ("Peak season is close. I keep the ops dashboards running.", "Only I know how it works inside.", "I'm honestly the only person who knows it end to end."),
     ("I'm the only one who can pick up my kids.",)),
    (r"\b(?:renewal|contract|project|launch|forecast\w*|clients?|accounts?|deal|migration|rollout|release|delivery|operations|model|report\w*|dashboard\w*|analysis|pipeline|system)\b[^.?!]{0,30}\b(?:depends?|depending|relies|relying|rests?|hinges?) (?:on|in|upon) (?:my|me)\b|\bi (?:already )?(?:train|mentor|onboard|coach|supervise) (?:every|all|each|the|our|most|new) (?:new )?(?:[\w-]+ )?(?:analysts?|hires|joiners|starters|engineers|staff|juniors?|members)\b",
     ("The renewal with the big shipper depends in my analysis.", "I already train every new analyst."),
     ("My decision depends on my family.",)),
    # Value already delivered: "cut our pipeline costs by about 30%", "saved us a ton".
    (r"\b(?:cut|cuts|reduced|reduces|lowered|trimmed|saved|saves)\b (?!my\b)(?:[\w-]+ ){0,4}(?:costs?|miles|spend|spending|errors|churn|waste|downtime|overtime|hours|delays|losses|fees|penalties|surcharges?) (?:by|about|quite a lot|a lot|significantly|massively|dramatically|last (?:year|quarter))\b|\bsaved (?:us|the company|the firm|the team|the business) (?:a ton|a lot|\$|\d|thousands|money)",
     ("I cut our pipeline costs by about 30% last year.", "The forecasts I developed reduced empty miles by some eight per cent.", "i caught the billing mess and saved us a ton"),
     ("I cut my commute by an hour.",)),
    # Time won back spent on the work: "which I'd put straight into the
    # forecasting work", "more work done".
    (r"\b(?:put|invest|spend|devote|use|plough|pour)\b (?:that |this |the |those )?(?:time|hours|\w+ hours) (?:\w+ )?(?:straight )?(?:into|on|for|in|towards?) (?:the |my |our |your )?(?:[\w-]+ ){0,2}(?:work|project|forecast\w*|team|clients?|job|analysis|deliver\w*|model\w*)\b|\b(?:which|that|time) i(?:'d| would| will|'ll| should| shall| can)? (?:\w+ )?(?:put|invest|spend|devote|use) (?:\w+ ){0,3}(?:into|on|to|for) (?:the|my|our)\b|\bmore (?:work|output) done\b|\bmore (?:focused |productive )?(?:hours|hrs|time) (?:a \w+ )?for the team\b|\b(?:hard|difficult|expensive|costly|impossible) to replace\b|\b(?:this|that) time i can (?:use|put) (?:for|into|on|in)\b|\bi can put (?:this|that) time (?:in|into|on)\b",
     ("Fewer office days would give me back two hours a day, which I'd put straight into the forecasting work.", "Two office days, no 50-minute commute. More work done."),
     ("I'd like to spend time with my family.",)),
)]




_ONLY_BECAUSE = rx(r"\b(?:only|just) because\b|\bonly (?:\w+ )?(?:care|counter|call|want)\w*\b",
                  yes=("I know you counter only because replacing me costs you.",), no=("Replacing me costs more than a raise.",))
_KIN_RX = rx(r"\b(?:my|our) (?:\w+ )?" + KIN + r"\b",
             yes=("My mom just had hip surgery and I'm the only one nearby.",), no=("I'm the only one who knows the stack.",))


_VISIT = rx(r"\W*(?:on |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|tonight|this week|next week|later)\b",
    yes=("I'll be near your office on Friday.",),
    no=("I'll be near your office soon.",))


def employer_benefit(m: Message) -> Span | None:
    for span in m.iter_matches(_EMPLOYER_BENEFIT, negatable=True, window=3):
        sa, sb = m.sentence_at(span[0])
        sent = m.norm[sa:sb]
        # A question about the organisation ("is it headcount, client
        # demand...?") asks about its interests rather than arguing from them.
        if sent.endswith("?") and not FIRST_PERSON.search(sent):
            continue
        # "tell me what the team needs" asks about it.
        if re.search(r"\bwhat (?:\w+ ){0,3}$", m.norm[max(sa, span[0] - 25):span[0]]):
            continue
        # "I'll be near your office Friday": a visit, not a reason.
        if _VISIT.match(m.norm, span[1]):
            continue
        # "cover my relocation costs" is the candidate's benefit.
        if re.search(r"\bmy\b", m.norm[max(0, span[0] - 3):span[1]]):
            continue
        return span
    for span in m.iter_matches(_EMPLOYER_VALUE, negatable=True, window=3):
        sa, sb = m.sentence_at(span[0])
        if m.norm[sa:sb].endswith("?") and not FIRST_PERSON.search(m.norm[sa:sb]):
            continue
        # "you counter only because replacing me costs you": an accusation;
        # "my mom had surgery and I'm the only one nearby": a family reason.
        if _ONLY_BECAUSE.search(m.norm, sa, sb) or (_KIN_RX.search(m.norm, sa, sb) and re.search(r"only|replac|nobody|no one", m.norm[span[0]:span[1]])):
            continue
        return span
    return None


# ---------------------------------------------------------------------------
# personal_preference
# ---------------------------------------------------------------------------

_PERSONAL = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\bmy (?:\w+ )?" + KIN + r"\b",
     ("My wife just started a job in Denver.", "My youngest son starts school in September."),
     ("I spoke with my manager yesterday.",)),
    (r"\b(?:our|the) (?:first |new )?(?:baby|kid|kids|child|children|family)\b",
     ("We're expecting our first baby in June.",),
     ("Is there a family leave policy?",)),
    (r"\bmy (?:lease|rent|mortgage|house|flat|apartment|home|commute|visa|health|condition|wedding|studies|degree|school|kids'|move|back|knees?|neck|hip|student loans?|loans?|debts?|sleep|energy|sanity|routine|shifts?|grant|fellowship|thesis|dissertation|postdoc)\b",
     ("My lease runs until the end of August.",),
     ("My leadership style is pretty hands-on.",)),
    (r"\b(?:with|have|having|expecting) (?:a |our |my )?(?:newborn|new baby|baby on the way|toddler|young kids|little ones)\b",
     ("We have a toddler, so mornings are tricky.",),
     ("I work with young graduates a lot.",)),
    (r"\b(?:night|twelve-hour|12-hour|rotating|double) shifts?\b|\bshift work\b|\bchange my life\b|\blife-?changing\b|\b(?:kindergarten|preschool|pre-k|elementary school|primary school)\b",
     ("I'm coming off two years of night shifts.", "This raise would be life-changing."),
     ("Can we shift the start date to May?",)),
    (r"\b(?:rents?|student loans?|student debt|debts?|loans to pay)\b|\b(?:so (?:that )?i can|as|because|since|given (?:that )?) (?:\w+ ){0,4}notice\b|\bnotice period is\b(?=[^.?!]*\b(?:so|which is why)\b)",
     ("Rent in Boston is brutal.", "Could I start in June, because I need to give notice?"),
     ("My notice period is a month.",)),
    (r"\bstart(?:ing)? a family\b|\b(?:i|we) live (?:\w+ ){0,5}(?:out|away|from|outside|near)\b",
     ("We live about an hour outside the city.", "We're thinking about starting a family next year."),
     ("I'd love to live in Lisbon.",)),
    (r"\b(?:trip|holiday|vacation|honeymoon|wedding) (?:\w+ )?(?:booked|planned|arranged)\b|\b(?:booked|planned) (?:a |my |our )?(?:trip|holiday|vacation|honeymoon)\b",
     ("I've got a trip booked for the first week of July.", "We planned our honeymoon for October."),
     ("How much vacation do new hires get?",)),
    (r"\b(?:the|a) (?:\w+ )?commute\b|\bcommut(?:e|ing)\b",
     ("The commute from Oakland would be over an hour.",),
     ("Is there a commuter benefit?",)),
    (r"\b(?:i've got|i have|we have|we've got|i'm raising) (?:a |two |three |\d |young |small |little )?(?:kids|children|a baby|a toddler|a newborn|a family|dependants|elderly parents)\b",
     ("I have two kids in primary school.",),
     ("Do you have kids yourself?",)),
    (r"\b(?:childcare|child care|daycare|nursery|school run|school (?:pickup|pick-up|drop-off|dropoff)|caring for|carer|care for my)\b",
     ("Daycare pickup is at 5:30, so I'd need to leave by 5.",),
     ("I really care about the mission here.",)),
    (r"\bso (?:that )?i can (?:wrap up|finish|see|settle|sort|spend|look after|care|take care|give (?:\w+ ){0,4}notice|serve (?:\w+ )?notice|be (?:with|near|there))\b",
     ("Could we push to May so I can finish my current project?",),
     ("So I can start earlier if you need.",)),
    (r"\b(?:visa|immigration|work permit)\b",
     ("My visa transfer could take six weeks.",),
     ("I'm a citizen, so no paperwork is needed to work here.",)),
    (r"\bcost of living\b|\bi can't afford\b|\bafford(?:able)?\b|\bwill cost (?:me )?more\b|\bout of pocket\b",
     ("The cost of living in London is much higher.", "I can't afford to take a pay cut."),
     ("What will the move cost the company?",)),
    (r"\b(?:i've|i have|and have|and i've) always wanted to\b|\bi(?:'ve)? always dreamed\b|\bi grew up (?:in|near|around|outside|just outside)\b|\bmove back (?:home|to where)\b",
     ("I grew up in Leeds and want to move back home.",),
     ("My kids grew up in Leeds.",)),
    (r"\bi (?:really |just |honestly |personally )?(?:love|like|prefer|adore|miss|enjoy) (?:the |living in |being in |being near |being close to )?(?:city|area|weather|mountains|outdoors|hiking|coffee|lifestyle|\w+ (?:more|better))",
     ("I really love the city.", "Honestly I miss the mountains."),
     ("I like the offer overall.",)),
    (r"\bi (?:really |just |honestly )?like \w+ (?:more|better)\b",
     ("I just like Denver better.",),
     ("I like the Denver offer.",)),
    (r"\b(?:i'd|i would|i'll) (?:be )?(?:a lot |much |so much |far )?(?:happier|more settled|less stressed|healthier)\b",
     ("I'd be a lot happier working from home.",),
     ("The team would be happier with a March start.",)),
    (r"\b(?:near|close to|closer to|nearer to) (?:my(?! chest)|home|family|where i live)\b",
     ("I want to be closer to my parents.",),
     ("I'd keep this close to my chest for now.",)),
    (r"\b(?:for|on) (?:my|our) (?:family|kids|partner|health|wellbeing|well-being|mental health)\b",
     ("Remote work would be better for my health.",),
     ("I'm doing this for my career.",)),
    (r"\b(?:personal|personally|selfishly|family reasons|for personal)\b",
     ("Selfishly, I'd love the Friday off.", "It's for personal reasons."),
     ("I'd like a personalised development plan.",)),
    (r"\b(?:want|wanted|hoping|hope|love|like) to (?:be|live|settle|stay) (?:in|near|closer|back)\b",
     ("I'd love to live near the coast.",),
     ("I'd love to be part of the team.",)),
    (r"\bhow much i want to\b|\bwhere i want to live\b|\bmy (?:friends|people|roots|hometown)\b",
     ("Austin is where I want to live long term.",),
     ("Where do you want me to be based?",)),
    (r"\b(?:i|we)(?:'re|'m| am| are) (?:moving|relocating|expecting|getting married|pregnant)\b|\b(?:with|because of|during|after) the move\b",
     ("We're relocating to Denver in the spring.",),
     ("Is the office moving next year?",)),
    (r"\b(?:my|our) (?:\w+ )?(?:appointment|surgery|exam|exams|graduation)\b",
     ("My graduation is on June 12th.",),
     ("Can we set an appointment to discuss?",)),
    (r"\b(?:asthma|allerg\w+|chronic|illness|anxiety|mental health|back pain|health condition|my condition)\b",
     ("I have a chronic back issue.",),
     ("My only condition is the start date.",)),
    (r"\b(?:appointments?|physio|physiotherapy|therapy|treatment|medical|doctor|hospital|chemo|pregnan\w*|maternity|paternity|disabilit\w*|caring responsibilities)\b(?!-)(?! (?:\w+ )?(?:clients?|customers?|accounts?|networks?|claims|sectors?|systems?|data|market|contracts?|industry|groups?|chains?|providers?|work|software|billing|records))",
     ("I have physio on Tuesday mornings.", "I'm going on maternity leave in March."),
     ("I've worked with hospital clients for years.",)),
    (r"\bi (?:do|work|focus|sleep) (?:my )?(?:\w+ )?(?:better|best)\b|\bdeep work\b|\bopen-plan\b|\bnoise\b(?=[^.?!]*\b(?:office|open-plan|desk|focus|concentrat\w*|work|calls?)\b)|\b(?:office|background) noise\b",
     ("I do my best work in the mornings.", "I find the noise of an open-plan office hard."),
     ("I work well under pressure.",)),
    (r"\bi(?:'ve)? promised\b|\bsee (?:it|our|the|this) (?:\w+ )?through\b",
     ("I promised my team I'd see the launch through.",),
     ("You promised me an answer by Friday.",)),
    (r"\b(?:think things through|clear head|right call for me|right decision for me|right call for my|chaos on my end)\b",
     ("I need the weekend to think things through.",),
     ("I think it's the right call for the team.",)),
    (r"\b(?:it|this) (?:really )?matters to me\b|\bmatters (?:\w+ ){0,3}to (?:me|my)\b|\b(?:really |very |so )?important to (?:me|us|my family)\b|\bmeans (?:a lot|so much|the world) to (?:me|us)\b",
     ("Flexibility is really important to me.",),
     ("Is it important to the team that I'm in the office?",)),
    (r"\b(?:a )?dream of mine\b|\bmy dream\b(?! (?:job|role|company|team|employer|position|opportunity))|\balways dreamed\b|\b(?:deposit|rent|mortgage|bills|school fees|childcare costs)\b|\b(?:on|for) (?:a|my|the) (?:flat|apartment|house)\b|\bfamily life\b",
     ("We're saving a deposit for a flat.", "Living by the sea is a dream of mine."),
     ("This is my dream job.",)),
    (r"\b(?:living|live|life|settle|settling) (?:near|by|in|on|close to|at) (?:the )?(?:coast|sea|seaside|beach|mountains|countryside|city|family|home|water)\b",
     ("We want to settle near the coast.",),
     ("I live in Denver now.",)),
    (r"\b(?:bought|buying|own|owning|sold|selling|renting) (?:a|our|my|the) (?:\w+ )?(?:house|home|flat|apartment|place|condo)\b|\b(?:driving|walking|commuting) distance\b|\b(?:close to|near|nearer|closer to) home\b",
     ("We just bought a house in Raleigh.",),
     ("I've been selling software to hospitals for years.",)),
    (r"\b(?:ideal|better|easier|best|nicer) for (?:me|us|my family)\b|\bsuits? (?:me|us) (?:better|best)\b",
     ("A Tuesday start would be easier for me.",),
     ("Which start date is easier for you?",)),
    (r"\bmy (?:stuff|belongings|things|furniture|car|pets?)\b|\b(?:finish|wrap up|complete|close out|see through) (?:\w+ )?(?:handover|handing over|my notice|current project|project)\b|\bhand(?:ing)? over\b",
     ("I need two weeks to wrap up the handover.",),
     ("I'll finish reading the contract tonight.",)),
    (r"\b(?:bad|sore|injured|dodgy) (?:back|knees?|hip|neck|shoulder)\b|\b(?:train|bus|tube|subway|ferry|car) (?:ride|journey|trip)\b|\b(?:sick|tired) of (?:the )?(?:\w+ )?(?:winters?|summers?|weather|rain|snow|heat|cold|traffic|commute)\b",
     ("I've got a bad back, so a proper chair matters.", "Honestly I'm tired of the long winters."),
     ("Could you send the training budget details?",)),
    (r"\bquality of life\b|\bwork-life balance\b|\bwork life balance\b|\blifestyle\b|\bburn(?:ed|t)? out\b",
     ("Work-life balance matters a lot to me at this stage.",),
     ("How's the balance between remote and office days?",)),
)]


_OTHERS_KIN = rx(r"my (?!(?:husband|wife|partner|spouse|mum|mom|dad|mother|father|son|daughter|sister|brother|kids?|child|family|fianc\w*|girlfriend|boyfriend|parents?)\x27s)[\w-]+\x27s ",
    yes=("My neighbour's daughter works there.",),
    no=("My husband's job is moving too.",))
_OWN_SIDE = rx(r"\b(?:we|our|us)\b",
    yes=("We need to sort out the visa timing.",),
    no=("How have you handled visa timing for other hires?",))


def personal_preference(m: Message) -> Span | None:
    for span in m.iter_matches(_PERSONAL, negatable=True, window=3):
        # "How have you handled visa timing for other hires?": a question
        # about other people's circumstances, not the candidate's own.
        sa, sb = m.sentence_at(span[0])
        if m.norm[sa:sb].endswith("?") and not FIRST_PERSON.search(m.norm, sa, sb) \
                and not _OWN_SIDE.search(m.norm, sa, sb):
            continue
        # Words quoted back at the manager ('work-life balance') are not
        # the candidate's own circumstances.
        if m.norm[max(0, span[0] - 2):span[0]].strip() in ("'", '"'):
            continue
        # "an offer from a hospital in Austin": an employer, not a treatment.
        if m.norm[span[0]:span[1]] in ("hospital", "clinic", "surgery", "practice") and \
                re.search(r"\b(?:from|at|with|for) (?:a|an|another|the other|one) (?:\w+ )?$", m.norm[max(0, span[0] - 25):span[0]]):
            continue
        # "my neighbour's daughter", "my friend's dog": someone else's kin.
        if _OTHERS_KIN.match(m.norm, span[0]):
            continue
        return span
    return None


# ---------------------------------------------------------------------------
# affirms_commitment
# ---------------------------------------------------------------------------

_COMMIT = [rx(p, yes=y, no=n) for p, y, n in (
    (r"\b(?:fully|still|totally|completely|absolutely|100%|very much|really|truly|genuinely|firmly|deeply) (?:\w+ )?committed\b",
     ("I'm still fully committed to joining in March.",),
     ("I'm not sure I've committed to anything yet.",)),
    (r"\bcommitted to (?:joining|the|this|you|starting|coming|being)\b",
     ("I'm committed to joining your team.",),
     ("I've committed to a notice period at my current job.",)),
    (r"\b(?:really |so |very |genuinely |super |incredibly |truly |still |extremely |so so )?(?:excited|thrilled|delighted|happy|glad|pumped|stoked|eager|honou?red) (?:to be |about |to |for )(?:joining|join|starting|start|the (?:\w+ ){0,2}(?:role|position|job|team|opportunity|offer|company|firm)|this (?:\w+ )?(?:role|position|job|opportunity)|working|be part|being part|come on board|coming on board|get started|getting started)",
     ("I'm really excited about joining the team.",),
     ("I'm excited to hear what you think.",)),
    (r"\blooking forward to (?:joining|starting|working|getting started|being|meeting the team|day one|the role|it)\b|\blook forward to (?:joining|starting|working|getting started)\b",
     ("Looking forward to starting in June.",),
     ("Looking forward to your reply.",)),
    (r"\bcan't wait to (?:\w+ ){0,2}(?:join|start|get|meet|work|be part|dive|begin|come)\b|\bi'm (?:still )?(?:100%|fully|all|totally|definitely|very much) in\b",
     ("I can't wait to get started.", "I'm all in."),
     ("I can't wait to hear back from you.",)),
    (r"\b(?:join|joining|be there|coming|come|start|starting|sign|signing)\b (?:\w+ ){0,2}(?:either way|regardless|anyway|no matter what|whatever happens)\b",
     ("I'll sign either way, I just wanted to ask.",),
     ("I'd like to start either in May or June.",)),
    (r"\b(?:top|first|preferred|number one|no\.? ?1|#1)[- ]?choice\b",
     ("You're my first choice.",),
     ("I'd like a choice of laptop.",)),
    (r"\b(?:me|i'm|i am|fully|totally|completely|100%|all|still) on board\b(?! with)|\bcommitted (?:here|to (?:this|the|you|joining|it|starting|coming))\b|\bmy commitment\b|\b(?:i'm|i am|i remain|i'll remain|i'm still) (?:\w+ )?committed\b",
     ("I'm on board, just one question on the bonus.",),
     ("I'm not fully on board with the relocation clause.",)),
    (r"\b(?:excited|thrilled|eager|keen|pumped|stoked|happy) (?:i am|i'm)\b|\bhow (?:excited|thrilled|happy|keen) i am\b|\b(?:eager|keen|raring) to (?:start|join|get going|get started|begin)\b",
     ("I'm keen to get started.", "You know how excited I am about this."),
     ("I'm keen to discuss the bonus.",)),
    (r"\b(?:fully|totally|completely|100%|all|still) on board\b(?! with)|\bstill (?:very |really |so |just as )?(?:keen|excited|interested|enthusiastic|committed)\b",
     ("I'm still really excited about this role.",),
     ("I'm not keen on the relocation clause.",)),
    (r"\bexactly the (?:\w+ )?(?:job|role|position|opportunity|team) (?:i've been|i was|i'd been|i am|i'm) (?:hoping|looking|waiting)\b",
     ("This is exactly the role I've been looking for.",),
     ("Is this exactly the role you described?",)),
    (r"\b(?:rather|prefer to) (?:be|work|stay|build my career) (?:with|at|for) (?:you|your|the team|this)\b|\bwant (?:this|it) to work(?: out)?\b",
     ("I'd rather work with you than take the other offer.", "I really want this to work out."),
     ("I'd rather work from home on Fridays.",)),
    (r"\bi'm (?:really |so |very |genuinely |super |truly )?(?:excited|thrilled|stoked|pumped|keen)\b(?! (?:to (?:hear|see|discuss|talk|chat)|about (?:the|this|our|your) (?:call|chat|news|meeting)))",
     ("I'm so excited, thank you!",),
     ("I'm keen to discuss the equity piece.",)),
    (r"\b(?:nothing|none of this|this doesn't|that doesn't) (?:\w+ ){0,3}changes? (?:my (?:decision|commitment|plan|mind)|the fact that i)\b",
     ("Nothing about the delay changes my decision.",),
     ("Nothing has changed on my side.",)),
    (r"\blooking forward to (?:getting stuck in|diving in|digging in|getting going|working with|being part)\b|\b(?:i'd|i would) (?:much |still |really )?rather (?:be|work|join|come) (?:here|with you|with your team|at (?:this|your))\b",
     ("Really looking forward to getting stuck in.", "I'd much rather be here than at the other firm."),
     ("I'd rather work remotely if possible.",)),
    (r"\b(?:want|wants|wanted|determined|keen|hoping|hope|love|like|'d love|'d like) to make (?:this|it) work\b|\brather make (?:it|this) work\b",
     ("I really want to make this work.",),
     ("I want to make sure the numbers work.",)),
    (r"\bi'll be there (?:on )?(?:day one|in|on|no matter)\b|\bno matter what\b|\bwhatever the (?:answer|outcome|decision)\b",
     ("I'll be there on day one.", "Whatever the answer on the bonus, I'm in."),
     ("I'll be there at 3 for the call.",)),
    (r"\b(?:the role|the job|the company|the team|the place|the firm|where) (?:that )?i (?:really |truly )?want (?:to (?:be|build|work|join|grow))?",
     ("This is the team I really want to join.",),
     ("The role I applied for was different.",)),
    (r"\bthis is (?:still )?(?:the|my) (?:\w+ )?(?:role|job|place|company|team|opportunity) (?:i want|i'm most|for me)\b",
     ("This is still the role I want.",),
     ("This is the role you mentioned last week.",)),
    (r"\b(?:i'm|i am) (?:joining|coming|starting)(?: \w+)? (?:in|on|no matter|regardless|either way)\b",
     ("I'm joining regardless, I just wanted to flag it.",),
     ("I'm starting to wonder if this is right.",)),
    (r"\b(?:not going to|won't|will not|wouldn't|never) (?:pull out|back out|walk away|go anywhere|renege|withdraw)\b",
     ("I'm not going to back out, I promise.",),
     ("I might have to withdraw if the numbers don't move.",)),
    (r"\b(?:i'm not|i am not|i'm not planning on|not) (?:leaving|quitting|walking away|backing out|pulling out|going anywhere|reneging)\b(?! (?:\w+ )?(?:money|anything|it) on)(?! (?:this|next|over|for the|tonight|today|tomorrow|until|till|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the)|during)\b)(?! (?:money|anything|a cent|a penny|a dime|a dollar|one cent|a single))|\b(?:won't|never|not going to) (?:leave|quit)\b(?! (?:it|this|that|the|a|any|one|money|anything|nothing)\b)",
     ("I'm not going anywhere.", "Don't worry, I'm not backing out."),
     ("I'm not leaving money on the table.",)),
    (r"\bi'm not going anywhere\b(?! (?:this|next|over|for|tonight|today|tomorrow|until|till|on|at|during)\b)|\bstill (?:on board|joining|coming|in for)\b",
     ("I'm not going anywhere, I just need clarity on the bonus.",),
     ("I'm not going anywhere this weekend, so call anytime.",)),
    (r"\b(?:love|loved|excited about|believe in|impressed by) (?:the team|the mission|what you're building|the role|the company|this role|the work)\b|\bbelieve in (?:the|your|this) (?:product|company|vision|mission|team|work)\b",
     ("I love the team and the mission.",),
     ("I love the idea of a hybrid schedule.",)),
    (r"\bi (?:\w+ )?prefer (?:your|this) (?:company|firm|team|role|offer)\b|\bmy acceptance (?:remains|stands|is (?:firm|unchanged|not in question))\b|\ball in on\b",
     ("I honestly prefer your offer to the other one.",),
     ("I prefer a later start date.",)),
    (r"\b(?:that|it|which|my (?:commitment|enthusiasm)) (?:hasn't|has not|hasn't ever|has never) (?:wavered|faded|dimmed|changed|shifted)\b",
     ("My enthusiasm hasn't wavered at all.",),
     ("The offer hasn't changed since last week.",)),
    (r"\b(?:remain|am still|i'm still|stay) (?:\w+ )?(?:committed|on board|excited|keen|enthusiastic)\b",
     ("I remain very excited about the role.",),
     ("I'm still waiting on the contract.",)),
    (r"\bthat hasn't changed\b|\bhasn't changed (?:one bit|at all)\b|\bhappy to (?:be joining|join)\b",
     ("I want to join, and that hasn't changed.",),
     ("The bonus structure hasn't changed yet.",)),
    (r"\bdetermined to (?:make|succeed|do well|hit the ground|prove)\b|\bmake a success of\b|\bnothing would make me happier\b|\bcouldn't be happier\b|\b(?:happier|more excited) than (?:starting|joining|to start|to join)\b",
     ("I'm determined to make a success of this role.",),
     ("I'd be happier with a higher base.",)),
    (r"\b(?:every bit |just )?as (?:committed|keen|excited|enthusiastic) as\b|\b(?:love|like|want|prefer|rather) to stay with (?:you|the team|the company|the firm|this)\b",
     ("I'm every bit as committed as I was last week.", "I'd love to stay with the team."),
     ("I'm not as keen on the Denver option.",)),
    (r"\blooking forward to [^.!?]{0,40}\bto (?:joining|starting|working|getting started)\b",
     ("Looking forward to it and to joining the team in June.",),
     ("Looking forward to hearing back about the bonus.",)),
    (r"\bwant to be (?:a )?part of (?:this|the team|it|you|what)\b|\b(?:i'd|i would) (?:still )?(?:love|like) to (?:join|be part|come on board|work with you)\b|\bstill (?:want|love|keen) to (?:join|be part|come)\b",
     ("I'd still love to join, even if the bonus stays as is.",),
     ("I'd love to know more about the bonus.",)),
    (r"\bmy (?:enthusiasm|excitement|commitment|interest|eagerness) (?:\w+ ){0,4}(?:has(?:n't| not) (?:\w+ )?(?:wavered|changed|dimmed|faded|diminished)|remains|is (?:as strong|unchanged|undiminished))\b",
     ("My interest in the role remains strong.",),
     ("My interest is mostly in the equity.",)),
    (r"\b(?:the|a) (?:team|company|firm|role|job|place|group) (?:i've|i have|i'd|i) (?:always |long |been )?(?:wanted|hoped|dreamed|wanting|hoping) to (?:work|join|be)\b",
     ("This is the company I've always wanted to work for.",),
     ("The role I wanted to discuss is the senior one.",)),
    (r"\bbuild my career\b|\bfor the long (?:haul|term|run)\b|\bcommit to staying\b",
     ("I want to build my career here.", "I'm in this for the long haul."),
     ("Is this role long-term?",)),
    (r"\bwhatever happens\b[^.?!]{0,30}\bi(?:'m| am| will|'ll) (?:still )?(?:join|joining|coming|come|start|starting|be there|sign|signing)\b|(?<!if\s)(?<!whether\s)(?<!sure\s)(?<!know\s)(?<!doubt\s)(?<!that\s)\bi(?:'ll| will) still (?:join|be joining|come|start|sign|accept|be there|take the (?:role|job))\b",
     ("Whatever happens with the bonus, I'm still joining.", "I'll still accept, I just wanted to ask."),
     ("I'm not sure I'll still accept if the base stays this low.",)),
    (r"\bset on (?:joining|starting|coming|this (?:role|job)|the (?:role|job))\b|\bstaying (?:accepted|committed|on board)\b|\bmy dream (?:job|role|company|team|employer|position)\b|\bi'm (?:still )?(?:joining|coming|starting)\b(?= ?[.!,;]|$)",
     ("This is my dream job.", "I'm set on joining, don't worry."),
     ("I'm starting to think about the other offer.",)),
)]


def affirms_commitment(m: Message) -> Span | None:
    return m.find(_COMMIT, negatable=True, window=3)
