/**
 * The must-never-miss rules: the worker's own words of suicide or self-harm, and threats or violence
 * aimed at the worker. They run on the message as the lexicon reads it (lower case, typos corrected,
 * apostrophes gone: "dont", "im"), and decide on their own, whatever the classifier says. The classifier
 * (model.ts) covers the breadth; these hold the phrases that must never depend on its weights.
 */

/** The worker's own thoughts of ending their life, or of hurting themself. */
const CRISIS: readonly RegExp[] = [
  // "the children on my caseload will cope fine without me, my own family too".
  /\b(?:cope|manage|be fine|be better|be ok|be okay|get on|carry on)\b.{0,20}\bwithout me\b.*\b(?:my own family|my family|my kids|my children|my partner)\b/,
  // Someone else's words of suicide, then "i feel the same": the worker's own.
  /\b(?:wanting to die|want to die|wants to die|suicidal|kill (?:himself|herself|themselves)|end it all|ending it all|not wanting to be here)\b.*\bi (?:feel|felt|have felt|ve felt|feel exactly) (?:the same|like that too|that way too|it too)\b/,
  /\b(?:kill|killing|top|topping|hang|hanging|hurt|hurting|harm|harming|cut|cutting|overdose|poison|drown|starve) myself\b/,
  /\b(?:end|ending|take|taking) (?:my|my own) life\b/,
  /\b(?:i|im|and) (?:really |just |honestly |simply |no longer |still |seriously )?(?:dont|do not|dont really|never|cant|cannot) (?:want to|wanna|wish to|want) (?:be here|live|be alive|exist|wake up|be around|go on|carry on living|keep living)\b/,
  /\b(?:i|im|i am|feel|feeling|felt|been|getting|am) (?:so |really |quite |very |a bit |bit |properly |actually )?suicidal\b/,
  /\b(?:my|having|have|had|with) suicidal (?:thoughts|feelings|ideas|urges)\b/,
  /^suicidal (?:thoughts|feelings)\b/,
  /\b(?:thoughts|thinking|think) (?:of|about) (?:suicide|killing myself|ending my life|ending it all)\b/,
  /\bi (?:think|thought) about suicide\b/,
  /\bbetter off (?:dead|without me|if i was gone|if i wasnt here)\b/,
  /\b(?:wish|wished) (?:i was|i were|i could be) dead\b/,
  /\b(?:i|i just|i really|i honestly|and i|i kind of|i sort of) (?:want|wanna|wish i could|would rather) (?:to )?die\b/,
  /\b(?:end|ending) (?:it all|everything|things)\b/,
  /\b(?:feel|feeling|felt) like (?:ending|end) (?:it|things)\b/,
  /\b(?:thinking|thought|think|planning|going|gonna|want|wanting) (?:of |about |to )?(?:ending|end) (?:it|things)\b/,
  /\b(?:im|i am|i was) (?:going|gonna) to (?:end it|do it tonight|kill|jump)\b/,
  /\b(?:ive|i have|i|i just) (?:taken|took) (?:an overdose|an od|some pills|all my|a load of|loads of|too many)\b/,
  /^(?:just )?took (?:an overdose|some pills|a load of|all my)\b/,
  /\b(?:no|not any) (?:reason|point) (?:to live|in living|going on|of going on|to go on)\b/,
  /\bwhats the point (?:of|in) (?:going on|living|being alive)\b/,
  /\b(?:life|living) (?:isnt|is not|aint) worth (?:living|it)\b/,
  /\btired of (?:living|being alive|life)\b/,
  /\bhad enough of (?:life|living)\b/,
  /\b(?:not|cant|cannot|dont) (?:feel )?(?:keep|keeping) myself safe\b/,
  /\b(?:dont|do not|cant|cannot) trust myself\b/,
  /\bnot safe (?:with|around) myself\b/,
  /\bdont feel safe with myself\b/,
  /\bscared of what i (?:might|will|could) do to myself\b/,
  /\b(?:goodbye|suicide) (?:letter|letters|note)\b/,
  /\bwritten (?:a|my) note\b/,
  /\bno one would (?:miss me|notice if i was gone|care if i was gone)\b/,
  /\bnot (?:going to|gonna) be around (?:much longer|for long)\b/,
  // Warning signs in other words (from the development sets' cross-validated misses): affairs put in order,
  // a method rehearsed, not being here "much longer".
  /\b(?:sorted|sorting|made|making|wrote|written|updated|updating|finished) (?:out )?my will\b/,
  /\b(?:list|note) of who gets what\b|\bwho gets (?:my|all my) (?:stuff|things)\b/,
  /\b(?:walk|walking|walked) into the (?:sea|river|water|lake|canal)\b/,
  /\b(?:drive|driving|drove|steer|steering) (?:\w+ ){0,2}into (?:the back of )?(?:a|the) (?:lorry|wall|tree|bridge|river|sea|traffic)\b/,
  /\blet (?:\w+ )?trains? (?:go |went )?(?:past|by)\b|\btrain times but not to catch\b/,
  /\bwithout looking\b.{0,30}\bhoping\b/,
  /\b(?:attempted|tried) before\b.*\b(?:back|again|pull|creeping)\b/,
  /\bleft (?:my )?(?:work phone|phone|lanyard|keys|badge|laptop)\b.*\b(?:with a note|a note)\b/,
  /\b(?:not sure i(?:ll| will)|dont think i(?:ll| will)|im not going to|i wont) be (?:around|here) (?:much longer|for much longer|for long|anymore|by then|to supervise)\b/,
  /\bor anything (?:much )?after that\b/,
  /\bim (?:a|such a) burden\b/,
  /\b(?:i|id|im|i would|i d) (?:\w+ ){0,3}(?:want|wanna|wish|rather|prefer) (?:\w+ ){0,2}(?:to )?(?:die|be dead|not wake up|not be here|not exist|not be alive)\b/,
  /\b(?:wishing|wish|hope|hoping) i (?:wouldnt|would not|didnt|did not|dont|do not|never) wake up\b/,
  /\breasons? to (?:stay alive|live|keep living|carry on living|keep going on|be alive)\b/,
  /\bways? to (?:die|kill myself|end it|end my life|do it)\b/,
  /\b(?:no|only) way out\b.*\b(?:dying|die|death|dead|end it|ending it)\b|\bexcept (?:dying|death|ending it)\b/,
  /\b(?:if|when) i (?:was|were|wasnt|werent|am|was not|were not) (?:gone|here|dead|around|not here|no longer here)\b/,
  /\b(?:nobody|no one|noone|no body) would (?:notice|care|miss me|mind)\b/,
  /\b(?:stockpiling|stockpiled|saving up|hoarding|collecting|saved up) (?:my |some |all my )?(?:tablets|pills|meds|medication|antidepressants|painkillers)\b/,
  /\b(?:letters|notes|goodbyes?) to my (?:family|kids|children|partner|husband|wife|mum|dad|loved ones)\b/,
  /\bdeath\b.*\b(?:mine|my own)\b|\bmy own death\b/,
  /\bhow i(?:d| would| could| will) do it\b/,
  /\b(?:i|im) (?:\w+ ){0,2}(?:at|on|near|by|to) the (?:edge of the|top of the)? ?(?:edge|bridge|roof|river|cliff|platform|train tracks|tracks|railway|motorway bridge)\b/,
  /\blooked (?:down )?(?:at|over) the (?:train |railway )?(?:tracks|river|edge|drop)\b/,
  /\bcant do (?:this|it) anymore\b.*\b(?:any of it|life|living|dont mean the job|not just the job)\b/,
  /\bgiven away (?:my|the) (?:cat|dog|pets?|things|stuff|belongings)\b/,
  /\b(?:im|i am|i feel) (?:ready to go|done with life|done with living)\b/,
  /\bthinking (?:\w+ ){0,3}about (?:death|dying)\b/,
  /\b(?:social workers?|sws?|workers?|colleagues?|someone like me|people like me|staff) (?:\w+ ){0,3}(?:kills?|killed|killing) (?:themselves|themself|myself)\b/,
  /\bif i (?:crashed|died|didnt wake up|did not wake up|was hit by|got hit by|drove off|fell|just disappeared|wasnt here|wasnt around)\b/,
  /\b(?:isnt|is not|doesnt|does not|dont|do not|not|no longer|aint) (?:\w+ ){0,2}worth (?:living|it anymore|anything anymore|anything)\b/,
  /\b(?:i|im|ive|i have|i am|i was|i keep|ive been|i have been|been|started|start) (?:\w+ ){0,3}(?:self harming|selfharming|self harm|cutting myself|burning myself|hurting myself|harming myself|cutting again|self harming again)\b/,
  /\b(?:burn|burning|burnt|scratch|scratching|punish|punishing|starve|starving|strangle|suffocate) myself\b/,
  /\bnot safe\b.*\bplan\b|\b(?:have|got|made) a plan\b.*\b(?:not safe|end it|die|tonight|pills|tablets)\b/,
  /\bno point (?:in )?(?:me )?(?:being here|being alive|living|going on|carrying on|existing|me being here)\b/,
  /\bmy (?:own )?funeral\b/,
  /\b(?:cant|cannot|dont|do not) see (?:a|any) (?:future|way forward|way out|point)(?: \w+){0,2} (?:for me|for myself|in living|in life|anymore)\b/,
  /\b(?:sorted|sorting|put|putting|getting) (?:out )?my affairs\b|\baffairs in order\b/,
  /\bpoint (?:of|in) (?:carrying on|going on|living|life|being alive|me)\b/,
  /\bwish (?:i|you) (?:was|were) dead\b/,
  /\bi (?:wrote|written|have written|ve written|was writing|started writing) (?:a|my) (?:suicide )?(?:note|letter)\b(?! (?:on|in|for|to the|about|up))/,
  /\b(?:use|using|used|do|try|trying) (?:it|that|them|one) on myself\b/,
  /\b(?:wouldnt|would not|didnt|dont|do not|wont) have to (?:be here|be alive|be around|wake up|exist|go on)\b/,
  /\b(?:dont|do not) think i (?:want|wanna|can) (?:to )?(?:carry on|go on|keep) (?:living|being alive|going)\b/,
  /\bwant to (?:carry on|go on|keep) living\b/,
  /^(?:\w+ ){0,2}(?:wanting|want|wanted) to die\b/,
  /\b(?:think|thinking|thought|dream|dreaming|wish|wishing) (?:\w+ ){0,2}(?:about |of )?not being (?:here|around|alive)\b/,
  /\b(?:this is|its|it is) the end (?:for me|of me|of the road for me)\b/,
  /^(?:i )?(?:feel|feeling|felt) like (?:jumping|throwing myself|stepping|walking|driving) (?:off|in front of|into|out in front of)\b/,
  /\b(?:lethal|fatal|deadly) (?:dose|amount|overdose)\b/,
  /\bhow (?:long|many|much) (?:\w+ ){0,5}(?:to (?:drown|die|bleed out|overdose)|would (?:actually )?(?:kill|be fatal))\b|\bhow many (?:paracetamol|tablets|pills|sleeping tablets|painkillers|co codamol) (?:\w+ ){0,3}(?:would|to|does it)\b/,
  /\bplanning (?:how|when|where) (?:to|i(?:ll| will| would)?) (?:do it\b(?! with| for| in| at| on)|end it\b|go through with it\b)|\bbefore i do what im planning\b/,
  /\b(?:thought|thinking|think|thoughts) (?:about|of) (?:(?:jumping|throwing myself) (?:from|off|out|in front|into|under)|stepping (?:out )?in front)\b/,
  /\bwant (?:it all|everything) to stop\b.*\bme (?:included|too|as well)\b/,
  /\b(?:woke|wake|waking) up (?:\w+ ){0,2}disappointed\b|\bdisappointed (?:i|to) (?:woke|wake|have woken|am still here)\b/,
  /\bnot (?:scared|afraid|frightened) of (?:dying|death|being dead) anymore\b/,
  /\blife insurance\b.*\bbetter off\b|\bbetter off\b.*\blife insurance\b/,
  /\b(?:burning|burnt|burned|cutting|cut|scratching|scratched|hitting|punching|pressing|digging) (?:\w+ ){0,3}(?:my|into my) (?:\w+ )?(?:arm|arms|wrist|wrists|leg|legs|thigh|thighs|palm|palms|skin|stomach)\b.*\b(?:lighter|blade|razor|nails|pen|compass|til|till|until|bleed|bled|so no one|on purpose|again)\b/,
  /\bmy will\b.*\b(?:new home|cat|dog|pets?|just in case|tidier|given|gave)\b|\b(?:rehomed|rehoming) (?:my|the) (?:cat|dog|pets?)\b|\bfound (?:the|my) (?:cat|dog|pets?) a new home\b/,
  /\b(?:remove|without|get rid of) me and (?:the problem|everything|it all|things|they)\b|\b(?:without me|if i was gone|with me gone) (?:\w+ ){0,3}(?:easier|better off|would work|be fine|be sorted)\b/,
  /\b(?:wish|wishes|wished|wishing|hoped|hoping)\b.*\b(?:finished me off|killed me|taken me out|done me in|ended me)\b/,
  /\b(?:died|dead|passed away|passed|death|killed himself|killed herself|took his own life|took her own life)\b.*\bi (?:\w+ ){0,3}join (?:him|her|them)\b/,
  /\basking for (?:a friend|me|myself)\b.*\b(?:suicid\w*|die|dying|end it|kill|overdose|paracetamol|jump\w*|lethal|tablets|pills)\b|\b(?:suicid\w*|die|dying|end it|kill|overdose|paracetamol|jump\w*|lethal|tablets|pills)\b.*\basking for (?:a friend|me|myself)\b/,
  // Oblique: what people do and say before they act (giving things away, goodbyes, means and places).
  /\btired of (?:existing|being here|being me|being alive|waking up)\b/,
  /\b(?:gave|giving|given|give) (?:away )?(?:my|all my) (?:\w+ ){0,6}(?:away|to)\b.*\b(?:wont need|dont need|not going to need|wont be needing|couldnt say|couldnt tell)\b/,
  /\b(?:gave|giving|given|give|left|leaving)\b.*\b(?:i wont (?:need|be needing|be using) (?:it|them|any of it)|i wont be around to)\b/,
  /\b(?:sorting|sorted|sort|working|worked) out who gets (?:what|my)\b|\bwho gets my (?:things|stuff|jewellery|car|flat)\b/,
  /\b(?:saying|said|say|started saying) goodbye to (?:people|everyone|everybody|my)\b(?! (?:team|caseload|families|cases|yp|kids on))/,
  /\b(?:kind of|sort of|this is) (?:a |my )?(?:goodbye|last message)\b/,
  /\b(?:relapsed|relapse|relapsing) (?:with|into|on|in) (?:my )?(?:self harm|selfharm|self harming|cutting)\b/,
  /\b(?:scratching|cutting|burning|hitting|picking at) my (?:arms|legs|wrists|thighs|skin|stomach)\b/,
  /\b(?:want|wanting|wanted|tempted|thinking|thought|urge|keep|kept) (?:about |of |to )?(?:just )?(?:swerv\w*|driv\w*|steer\w*|crash\w*|veer\w*) (?:\w+ ){0,3}(?:into|off|in front of) (?:a |the |an )?(?:tree|wall|lorry|lorries|river|bridge|barrier|oncoming|traffic|back of|motorway|cliff|lake|sea|canal|reservoir|quarry|pillar|ditch|bus|train)\b/,
  /\b(?:stare|stared|staring|looked|looking|look) (?:down |over )?(?:at )?the drop\b|\bjump(?:ing)? from (?:a|that) height\b/,
  /\b(?:running out of|no more|cant find any|cant think of any|not many) reasons? to (?:stay|keep going|be here|carry on|live|stick around)\b/,
  /\bchecking out (?:for good|permanently|of life|early)\b|\bchecking out\b.*\bnot the \w+ kind\b/,
  /\b(?:for|after) when im (?:not around|gone|dead|no longer here)\b(?! on| for| next| to| at| in)/,
  // Arranging for after: "make sure my caseload gets picked up if something happens to me", "who writes mine".
  // Warning signs in other words: an attempt stopped part way, a hand-over for after, giving things away,
  // rehearsing where and when, affairs settled "just in case".
  // A farewell to everyone, and nothing else, typed to a bot: "bye all x", "goodbye everyone".
  /^(?:bye|goodbye|good bye|bye bye|farewell|so long)(?: to)? (?:all|everyone|everybody|you all|yall)(?: x+| xx+)?$/,
  /\b(?:nearly|almost) (?:swallowed|took|taken|downed|necked) (?:the lot|them all|all of them|the whole|the pack|everything|the box)\b|\bswallowed the lot\b/,
  /\b(?:whoever|who ever|the person who|whoevers) (?:takes over|picks up|gets) (?:\w+ ){0,2}after me\b/,
  /\bgiv(?:ing|e|en) (?:him|her|them|my \w+|away|people) (?:\w+ ){0,1}all my (?:\w+ )?(?:stuff|things|belongings|clothes|jewellery|records|books|games|possessions|kit)\b/,
  /\b(?:rehears\w*|planning|picturing|practising|practicing|going over) (?:\w+ ){0,5}the (?:where|when|how)\b.*\b(?:where|when|how)\b/,
  /\b(?:paid off|cleared|settled) (?:my|the) (?:\w+ )?(?:card|cards|debts?|bills?|overdraft)\b.*\bjust in case\b|\bspare key (?:\w+ ){0,5}just in case\b/,
  /\bif (?:something|anything) (?:happens|happened|were to happen|was to happen) to me\b(?!.*\b(?:visit|visits|lone|on shift|out on|at the house|in the house|at the address|in the car)\b)/,
  /\bsafety plans?\b.*\bwho (?:\w+ ){0,2}(?:mine|me one|for me)\b/,
  /\b(?:workers?|people|staff|social workers?|sws?) (?:\w+ ){0,3}(?:decided|deciding|decide) (?:theyre|they are|i am|im) done\b|\bnot (?:just )?(?:done )?with the job\b.*\bdone\b/,
  /\bvoices? (?:\w+ ){0,4}(?:telling me|saying|says|tells me|tell me|keeps saying) (?:to )?(?:do it|end it|kill|jump|die)\b/,
  /\bso i (?:wouldnt|would not|dont|didnt|would never) have to (?:keep going|carry on|be here|go on|wake up)\b/,
  /\b(?:searched|googled|looked up|researching|research)\b.*\b(?:lethal|overdose|to die|if you jump|jump from|hanging|how many (?:tablets|pills|paracetamol|sleeping)|would it take to)\b/,
  /\b(?:i|me|myself) (?:\w+ ){0,3}(?:disappear|vanish) (?:for good|forever|permanently|and never come back)\b/,
  // From the development sets (round 8): a method dwelt on, a leaving that is not the job, no one needing me,
  // not being around after a date with no leave to explain it.
  /\b(?:thinking|think|thought|thoughts|dreaming|fantasising) (?:\w+ ){0,2}(?:about|of) (?:overdosing|taking an overdose|taking an od|taking all my|taking the lot|swallowing (?:all|the lot|them all))\b/,
  /\b(?:leaving|leave|going|gone|go)\b.*\b(?:dont|do not|didnt|did not) mean (?:leaving |quitting |the )?(?:the |this |my )?(?:job|team|role|post|service|caseload)\b/,
  /\b(?:nobody|no one|noone|no body) (?:really )?(?:needs|wants|would need|would want) me\b/,
  // From the development sets (round 9): "asking partly because i've had those thoughts myself", a note torn up.
  /\b(?:suicid\w*|self harm\w*|end it|ending it|ending their life|kill (?:themselves|himself|herself)|want to die|wanting to die)\b.*\b(?:ive|i have|i|im|i am|i ve) (?:\w+ )?(?:had|having|have|get|getting|been having) (?:those|these|the same|similar|them|such|those kind of|that kind of) (?:thoughts|feelings|urges)\b/,
  /\bif i (?:walked|stepped|jumped|threw myself|fell|ran) (?:out )?(?:in front of|into|off|under) (?:a|the) (?:bus|train|car|lorry|traffic|bridge|tube)\b/,
  /\b(?:holding|hanging) on by a thread\b.*\b(?:going|snapping|snapped|gone|breaking|broken|about to)\b/,
  /\b(?:wrote|written|writing) (?:a|the|my) (?:note|letter)\b.*\b(?:tore|torn|ripped|binned|burnt|burned|shredded)\b.*\b(?:another|again|next time)\b/,
  /^(?!.*\b(?:leave|holiday|holidays|hols|annual|maternity|paternity|secondment|course|training|new job|notice|moving|retiring|retirement|off sick|surgery|operation)\b).*\b(?:wont|will not|not going to|im not going to|not planning on|not planning to|im not planning on) be(?:ing)? (?:around|here) (?:after|past|beyond) (?:this|next|the|friday|today|tomorrow|tonight|monday|the weekend)\b/,
];

/** Threats, violence or harassment aimed at the worker. */
const WORKER_SAFETY: readonly RegExp[] = [
  /\b(?:threatened|threatening|threaten|threatens|punched|punch|hit|hits|kicked|kick|assaulted|attacked|attack|grabbed|pushed|shoved|slapped|headbutted|bit|bitten|strangled|choked|followed|(?<!\bits? )following|follow|chased|stalking|stalked|harassing|harassed|harass|pinned|trapped|cornered|cornering|intimidating|intimidated|abusing|abused|spat at|spat on|spat in|set (?:the|their|his|her|a) dogs? on|pulled a knife on|came at|went for|swung at|lunged at|lunging at|lunge at|squared up to|blocked|trapping|locked|threw (?:\w+ ){1,3}at|spitting at) me\b/,
  /(?<!\b(?:please|pls|plz|can you|could you|can u|can someone) )\b(?:come|coming|came|comes) (?:round )?(?:and |to )?(?:find|get|sort|look for|hunt) me\b(?! (?:please|pls|plz|from|out))/,
  /\b(?:been |was |got |being |im being )?followed (?:home|back|to my|from work|from the office)\b/,
  /\b(?:spat|spit) (?:in|at) (?:my|me)\b/,
  /\bknows? where i (?:live|park|work)\b/,
  /\b(?:know|knows|found out|find out|finding out) where (?:you|u|ya) (?:live|park|work|sleep)\b/,
  /\bknows? my (?:address|car|kids|children|name|registration)\b/,
  /\b(?:outside|at|to|round|near) my (?:house|home|flat|front door|kids school|childrens school|door|car)\b.*\b(?:threat|threaten|scared|waiting|watching|banging|shouting|turned up|came|again)/,
  /\b(?:turned up|came round|waiting|waited|sat outside|parked outside|driving past|drove past) (?:at |outside |by |near |round )?my (?:house|home|flat|car|address|kids|childrens)\b/,
  /\b(?:death threats|threats to kill me|threat to kill me|threatening to kill me|threatened to kill me)\b/,
  /\b(?:put|see) me in hospital\b/,
  /\b(?:sort|deal) (?:me|with me) out\b|\bdeal with me\b/,
  /\bwouldnt let me (?:leave|go|out)\b/,
  /\b(?:wont|would not|didnt|did not) let me (?:leave|go|out)\b/,
  /\bi (?:was|got|have been|ve been|been) (?:hit|punched|kicked|assaulted|attacked|threatened|stabbed|bitten|bit|headbutted|slapped|spat at|sexually assaulted|chased|followed|stalked|harassed|pushed|strangled|groped|injured)\b/,
  /\b(?:got|getting|been) (?:assaulted|attacked|punched|threatened|headbutted|kicked|bitten|hit) (?:on|at|by|during|in)\b/,
  /\b(?:pulled|held|waved|pointed) a (?:knife|gun|weapon|bat|hammer) (?:at|on) me\b/,
  /\b(?:threatening|abusive|nasty|threat|threats of|intimidating) (?:messages|texts|calls|voicemails|letters|emails|comments) (?:to me|at me|from (?:a|the|his|her|their)? ?(?:parent|dad|mum|father|mother|family|service user|client|carer))\b/,
  /\bi (?:feel|felt|am|m|was) (?:unsafe|scared|frightened|afraid|too scared) (?:to go|going|of going|visiting|to visit|to return|to go back|at|on|in|around)\b/,
  /(?<!\b(?:she|he|shes|hes|they|theyre|theyve|kids|kid|children|child|yp|girl|boy|baby|babies|son|daughter|who|twins|sister|brother|mum|mother) (?:\w+ ){0,2})\blocked (?:myself )?in (?:the|a) (?:bathroom|toilet|room|car)\b/,
  /\bmy (?:tyres|car|windows?)(?: \w+)? (?:slashed|smashed|damaged|scratched|keyed)\b/,
  /\bslashed my tyres\b|\bkeyed my car\b|\bburn my car\b/,
  /\b(?:posted|shared|found|put) my (?:address|photo|picture|details|number|personal)\b/,
  /\b(?:will|would|gonna|going to|wants to|want to|hed|shed|hell|shell|theyll|theyd|he would|she would|tried to|try to|threatened to|come back and|coming to|gunna) (?:\w+ )?(?:rape|stab|kill|hurt|beat|batter|smash|attack|shoot|sort|get|find|burn|do|have|deal with|glass|cut) me\b/,
  /^(?:\w+ )?(?:got |been |was |just |i was |i got )?(?:hit|punched|kicked|assaulted|attacked|headbutted|bitten|bit|slapped|threatened|spat at|pushed|grabbed|followed|stalked|harassed|chased|strangled|injured|shoved|scratched) by (?:a|an|the|one of|his|her|their|my|this|that|two|some)\b/,
  /\b(?:know|knows|got|have|found) (?:your|ur) (?:car|face|address|house|kids|children|name|number|reg|registration|family)\b/,
  /\b(?:im|i am|i feel|im feeling|i was|i felt|feeling) (?:really |very |so |quite )?(?:unsafe|scared|frightened|afraid|threatened|intimidated|in danger)\b.*\b(?:visit|house|flat|property|meeting|contact|car park|right now|of him|of her|of dad|of the dad|of mum|of them|to go back|to leave|for my safety|my own safety)\b/,
  /\b(?:anonymous|silent|withheld|heavy breathing|threatening|nuisance) (?:calls|phone calls|messages|texts|voicemails)\b.*\b(?:home|me|my|since)\b|\bcalls (?:at|to) (?:my )?home\b/,
  /\b(?:reception|office)\b.*\b(?:bat|knife|weapon|machete|threat\w*|kill|hurt|wants the social worker|asking for me|looking for me)\b/,
  /\b(?:bat|knife|weapon|machete|threat\w*|kill|hurt|wants|looking for|asking for|waiting for)\b.*\b(?:thats|that is|which is) me\b/,
  /\b(?:i|im|i am|i really|i just) (?:dont|do not|didnt|did not|no longer|dont really) feel safe\b(?! with myself| around myself| in my own)/,
  /\b(?:never see|hurt|harm|take away|take|find|touch|go after|come for|coming for) (?:mine|my kids|my children|my baby|my son|my daughter|my family)\b/,
  /\b(?:grabbed|twisted|pulled|yanked|held|squeezed|scratched|bit|punched|hit|kicked|slapped) my (?:arm|hair|wrist|neck|throat|hand|face|bag|lanyard|coat|leg|head)\b/,
  /\b(?:staff|staff member|colleague|night staff|worker|carer|support worker|team member)s? (?:(?!said|says|told|reported|saw|heard|thinks|think)\w+ ){0,3}(?:was |got |been |has been |were |getting )?(?:bitten|assaulted|hit|punched|attacked|injured|kicked|headbutted|stabbed|threatened|spat at|strangled)\b(?! (?:the |a |my |his |her |their |our |one of the |another )?(?:child|children|kid|kids|boy|girl|yp|yps|baby|son|daughter|him|her|them|young person|young people|resident|residents|twins|teenager|toddler)\b)/,
  /\b(?:letter|note|card|parcel|package|message) (?:\w+ ){0,4}(?:at|to|through|on) my (?:home|house|door|doormat|letterbox|car)\b|\b(?:at|to) my (?:home|house) (?:\w+ ){0,4}(?:letter|note|parcel|package)\b/,
  /\bstay away from (?:our|my|his|her|their|the) (?:family|kids|children|son|daughter|house)\b/,
  /\b(?:fake|false) (?:account|profile|page)\b.*\b(?:my|me)\b|\b(?:account|profile|page) (?:about|of|in the name of) me\b/,
  /\b(?:lone|home|joint) visit\b.*\b(?:aggressive|threatening|violent|kicking off|scary|in my face)\b/,
  /\b(?:knows?|knew|found out|asked|mentioned) (?:which|what|where) (?:school|nursery|college) my\b/,
  /\b(?:said|shouted|used|knows|knew|screamed) my (?:first |full |real )?name\b.*\b(?:threat\w*|kill|hurt|blade|knife|remember|regret|find|coming)\b/,
  /\bi(?:m| am) being (?:followed|stalked|harassed|threatened|watched|intimidated)\b/,
  /\b(?:exposed himself|groped me|touched me|sexual comments to me|sexually harassed me|sexually harassing me)\b/,
  // Held, trapped or blocked in; threats veiled or aimed at the worker's family; being watched.
  /\b(?:locked|shut|held|blocked|boxed|bolted) (?:\w+ ){0,3}(?:door|doors|me|my car)\b.*\b(?:key|couldnt (?:get out|leave)|cant (?:get out|leave)|im still in|wouldnt let|sit (?:back )?down|for an hour)\b/,
  /\bcoming for me\b/,
  // Veiled: "friends who'll pay me a visit", "we know which school your son goes to", "knows people… better write a nice report".
  /\bpay (?:me|you|the social worker|the sw) a (?:little )?visit\b/,
  // A parent who turns out to live beside the worker.
  /\b(?:dad|mum|father|mother|parent|uncle|partner|boyfriend|family|brother)s?\b.*\b(?:is|are) (?:now )?my (?:new )?(?:neighbour|neighbours|next door neighbour)\b|\b(?:moved|moving) in (?:next door to me|on my street|on my road|near me|opposite me)\b/,
  /\b(?:we|they|he|she|ill|well) (?:know|knows|found out) (?:where|which|what) (?:\w+ ){0,3}(?:your|ur) (?:son|daughter|kids?|children|family|husband|wife|partner|boy|girl)\b/,
  /\bknows? (?:people|some people|the right people|a few people)\b.*\b(?:report|better|careful|write)\b|\b(?:report|better|careful)\b.*\bknows? (?:people|some people|the right people)\b/,
  /^(?:i was |i got |got |been |just )?threatened (?:at|on|during) (?:the |a |my |todays |this mornings )?(?:visit|doorstep|home visit|contact|meeting|conference)\b/,
  // Threats aimed at the worker by role ("he'll kill the social worker", "get the night staff"), through
  // their dogs, their car, their own family, or other people sent to do it.
  /\b(?:hell|shell|theyll|ill|well|youll|hed|shed|theyd|id|will|would|gonna|gunna|going to|wants? to|threatened to|threatening to|tried to|try to|swore to|swears to|promised to) (?:\w+ )?(?:kill|hurt|stab|batter|get|deal with|sort out|do in|smash|knock out|glass|find|go for) (?:the|that|this|our|my|your) (?:social worker|sw|worker|night staff|staff|contact worker|key worker|keyworker)s?\b(?! (?:to|for|back|on|in|out|involved|up|round|over|a|an|some|rota|team|together)\b)/,
  /\bleave in an ambulance\b|\bin an ambulance\b.*\b(?:sw|social worker|worker|next one|comes round)\b/,
  /\bdogs?\b.*\b(?:went for|go for|goes for|going for|set on|lunged at|jumped at|bit) (?:me|my (?:leg|arm|hand|ankle))\b|\blet (?:the |both |their |his |her )?dogs? (?:out|off)\b.*\b(?:i|me|my)\b/,
  /\b(?:boxed|blocked|hemmed) (?:it|my car|me|the car|my car) in\b|\btyres (?:\w+ ){0,2}(?:slashed|let down|punctured|cut)\b|\bknows? (?:what|which) car i\b|\bwhere i park\b/,
  /\b(?:ringing|rang|calling|called|visited|found|turned up at|contacted|messaging|messaged) my (?:mum|mums|dad|dads|mother|father|partner|wife|husband|sister|brother|nan|family)\b.*\b(?:threat\w*|terrified|scared|frightened|surname|address|house|found)\b|\bfound (?:her|him|them|my \w+) through my (?:surname|name|facebook|instagram|socials)\b/,
  /\b(?:his|her|their|my|the) (?:boys|lads|mates|friends|people|cousins|brothers)\b.*\b(?:run through|deal with|sort|do|visit|recognise|batter|jump) (?:me|you|her|the social worker)\b|\bpeople (?:will|gonna|going to|are going to) (?:deal with|sort|sort out|get|find) (?:her|me|you)\b/,
  // Veiled threats: a message for "that social worker", people like me, being careful on the way home.
  /\b(?:give|tell|pass) (?:that|the|this|our|your) (?:social worker|sw|worker|bitch|cow) (?:a|this) message\b/,
  /\b(?:deals?|dealt|dealing|sorts?|sorted) (?:with )?(?:people|social workers|sws|the likes of|women|workers) like (?:me|you|her|us)\b/,
  /\b(?:ill|i will|well|we will|gonna|going to|theyll|hell|shell) (?:\w+ )?find (?:you|her|him|them|the social worker|that social worker)\b/,
  /\bbe careful (?:\w+ ){0,2}(?:driving|going|walking|getting|on your way|on the way) home\b|\bwatch (?:your|ur) back\b|\byou(?:ll| will| are going to) regret\b/,
  /\b(?:same|a|the|that|this) (?:\w+ ){0,2}(?:car|van|man|bloke|guy) (?:\w+ ){0,3}(?:behind me|following me|outside my|parked outside (?:my|the office)|every (?:evening|night|day|morning))\b.*\b(?:office|home|house|work|week|again|every)\b/,
  /\b(?:dead|a dead) (?:bird|rat|mouse|animal|cat|fish|fox|pigeon)\b.*\b(?:my|through my|in my|on my) (?:letterbox|door|doorstep|car|windscreen|step|porch)\b/,
  /\b(?:voice ?note|voicemail|call|calls|rang|phoned|rings|ringing)\b.*\b(?:just breathing|heavy breathing|breathing and|no words|says nothing|said nothing)\b/,
  /\b(?:pulled|got|took|whipped|brought) (?:out )?(?:a |his |her |the )?(?:blade|knife|machete|weapon)\b.*\b(?:when i|while i|im still|i m still|i am still|at me|on me|in front of me)\b|\b(?:when|as) i (?:\w+ ){0,8}(?:pulled|got|took) (?:out )?(?:a |his |her |the )?(?:blade|knife|machete)\b/,
  /\b(?:at|outside|near|by) the gates? of my\b|\b(?:parking|parked|waiting|turned up|hanging around|standing|stood|sat|sitting|watching|lurking) (?:\w+ ){0,2}(?:outside|at|near|by|opposite|across from) my (?:own )?(?:kids? |childrens? |sons? |daughters? |childs )?(?:school|nursery|house|home|flat|door|car|office|building)\b/,
  /\b(?:wont|will not|never) walk again\b|\baccidents happen to\b|\bnot scared (?:of|to) (?:doing|do) (?:time|life|a sentence|bird)\b/,
  /\b(?:knife|blade|machete|gun|weapon|bat|hammer)\b.*\b(?:in front of me|while (?:i|we) (?:was|were|talked|spoke|sat)|near me|next to me)\b/,
  /\b(?:posting|posted|keeps posting) my (?:pic|pics|picture|photo|face|name|address|reg|number)\b/,
  /\b(?:people|lads|mates|friends) (?:who|that) (?:will|would|could|can) (?:visit|find|pay a visit to|sort) (?:my|me|you)\b/,
  /^(?:was|got|been|getting) (?:chased|followed|attacked|assaulted|threatened|punched|hit|kicked|headbutted|cornered)\b/,
  /(?:^|\b(?:im|i am|i was|i m|and im|still)\s)not feeling safe\b(?! with myself| around myself| in my own)/,
  // From the development sets (round 8): a vehicle left across the worker's road, a weapon brought out on a
  // visit, "social workers go missing too".
  /\b(?:parked|parking|parks|waiting|sat|sitting|standing|stood|hanging around|driving up and down) (?:\w+ ){0,4}(?:the end of|across|at the top of|at the bottom of|opposite|outside) my (?:road|street|drive|driveway|close|avenue|estate)\b/,
  /\b(?:visit|visiting|doorstep|home visit|on the door)\b.*\b(?:came back|came in|walked in|came out|appeared|answered the door|opened the door|stood there|stood up|picked up|got up) (?:\w+ ){0,2}(?:holding|with|carrying|waving|brandishing) (?:a|the|his|her|a kitchen) (?:knife|blade|machete|bat|hammer|weapon|screwdriver)\b/,
  // From the development sets (round 9): a parent contacting the worker's own family, threats to "us" at the
  // office, a doorway blocked until the worker gives in.
  /\b(?:dad|mum|father|mother|parent|uncle|partner|boyfriend|stepdad|family|carer|brother|grandad|nan)s?\b.*\b(?:messag\w*|contact\w*|text\w*|dm\w*|add(?:ed|ing)|follow\w*|approach\w*|talking to|talked to|waiting for) my (?:own )?(?:teenage |little |eldest |youngest )?(?:son|daughter|husband|wife|partner|boyfriend|girlfriend)\b/,
  /\b(?:coming|come|came|going|gonna) (?:\w+ ){0,4}(?:office|building|base|reception|hub)\b.*\b(?:finish|kill|hurt|get|sort out|batter|stab|shoot|burn|do) (?:us|you all|all of us|the lot of (?:us|you)|everyone there)\b/,
  /\b(?:blocked|blocking|stood in|standing in|stood across|stood in front of) (?:the |my )?(?:doorway|door|exit|way out|front door|stairs|hallway)\b.*\b(?:refused|wouldnt|would not|until i|couldnt (?:get out|leave)|cant (?:get out|leave)|let me)\b/,
  // From the development sets (round 10): turning up wherever the worker is, "plans" for the worker.
  /\b(?:keeps|kept|keep|has been|have been|been) (?:\w+ )?(?:turning up|showing up|appearing|hanging around|waiting)\b.*\b(?:when i|where i|the time i|exactly when|every day|every morning|every night|every time i|wherever i)\b/,
  /\b(?:has|have|got|making|made|has got) (?:\w+ )?plans for (?:me|you|the social worker|the sw)\b/,
  /\b(?:said|saying|says|told me|telling me|voicemail|message|text)\b (?:\w+ ){0,2}(?:ill|i will|id|i would|im going to|i am going to) regret\b/,
  /\b(?:doesnt|dont|does not|do not|didnt|not) (?:\w+ )?care (?:about|if (?:he|she|they|i) (?:goes?|go|end up) (?:to|in|back to)) (?:prison|jail|going to prison|doing time|going back inside|the police)\b/,
  /\b(?:get|send|tell|got|sent) (?:the |his |her |my |some |their )?(?:lads|boys|mates|friends|brothers|cousins|people)\b (?:\w+ ){0,3}(?:to )?(?:wait for|waiting for|sort|deal with|visit|find|jump|do) (?:her|him|the social worker|the sw|you)\b/,
  /\b(?:social workers?|sws?|people like you|your lot|you lot)\b (?:\w+ ){0,2}(?:go missing|goes missing|gone missing|disappear|disappears|get hurt|gets hurt|have accidents|has accidents|end up hurt|end up dead|end up in hospital)\b/,
  /\b(?:in (?:a|the) (?:visit|house|flat|home) (?:now|right now)|im (?:in|at) the (?:visit|house|flat|address|property)(?: now)?|im in the car outside)\b.*\b(?:shouting at me|screaming at me|aggressive|kicking off|smash\w*|threaten\w*|belt|knife|weapon)\b/,
];

export function crisisRule(text: string): boolean {
  return CRISIS.some((r) => r.test(text));
}

/**
 * A crisis rule matched in the worker's own words ("i should join him", "asking for me, i am right now"):
 * then it is the worker's crisis, whoever else the message names.
 */
export function ownCrisisRule(text: string): boolean {
  if (/\basking for (?:me|myself)\b/.test(text)) return true;
  return CRISIS.some((r) => {
    const m = r.exec(text);
    return m !== null && /\b(?:i|im|ive|id|me|myself)\b/.test(m[0]);
  });
}

export function workerSafetyRule(text: string): boolean {
  return WORKER_SAFETY.some((r) => r.test(text));
}

const FIRST_PERSON = /\b(?:i|im|ive|id|ill|me|my|myself|mine)\b/;

/**
 * A threat in quotation marks is aimed at the worker only when it speaks to them ("we know where you live",
 * "tell the social worker…"): "he punched me again", or "mum was strangled by her ex", quoted, is not.
 */
export function quotedThreatRule(quote: string): boolean {
  // Of someone other than the speaker only as an order or a plan ("get the lads to…", "they'll…"), not a history.
  const aboutAnother = !FIRST_PERSON.test(quote) && /\b(?:get|send|tell|will|ll|gonna|going to)\b/.test(quote);
  return WORKER_SAFETY.some((r) => {
    const m = r.exec(quote);
    // Said to the worker ("you…", "the social worker"), or of someone other than the speaker ("get the lads to wait
    // for her", overheard); never the speaker's own harm.
    return (
      m !== null &&
      (/\b(?:you|your|ur|u|ya|yours|social workers?|sws?)\b/.test(m[0]) || (aboutAnother && !FIRST_PERSON.test(m[0])))
    );
  });
}

/** A threat rule that, in someone's quoted words, tells of harm to the speaker ("he punched me again"). */
export function ownHarmRule(quote: string): boolean {
  return WORKER_SAFETY.some((r) => {
    const m = r.exec(quote);
    return m !== null && FIRST_PERSON.test(m[0]);
  });
}

/**
 * Where a crisis rule matched in words that are not the worker's own ("hes going to drive into the sea"), as
 * a word index into the text; undefined when none did. Whose they are is read from the words before.
 */
export function crisisWordAt(text: string): number | undefined {
  for (const r of CRISIS) {
    const m = r.exec(text);
    if (m !== null && !FIRST_PERSON.test(m[0])) return text.slice(0, m.index).split(' ').filter(Boolean).length;
  }
  return undefined;
}
