"""The cue words of English election coverage (see :class:`~kg.extract.languages.model.Language`)."""

from .model import Language

_DAYS_MONTHS_EN = (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december"
)

ENGLISH = Language(
    code="en",
    speech_verbs=frozenset(
        "said says say claimed claims added stated told announced argued insisted warned wrote "
        "declared alleged tweeted posted asserted asserts noted stressed maintained maintains "
        "called calls described describes demanded urged affirmed expressed adds suggested predicted voiced "
        "promised vowed confirmed confirms praised praises insists alleges tells warns notes stresses argues "
        "telling alleging hailed hails "
        "saying claiming calling describing adding arguing insisting warning voicing".split()
    ),
    quote_verbs=frozenset("called calls described describes demanded urged expressed voiced voicing calling "
                          "praised praises hailed hails".split()),
    according_to=("according to",),
    titles={
        "president": "president", "vice president": "vice-president", "prime minister": "prime-minister",
        "foreign minister": "foreign-minister", "minister": "minister", "secretary of state": "secretary-of-state",
        "secretary-general": "secretary-general", "secretary general": "secretary-general",
        "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokesperson": "spokesperson",
        "head": "head", "chairman": "head", "chairwoman": "head", "chair": "head", "chairperson": "head", "director": "head",
        "leader": "leader", "opposition leader": "opposition-leader", "candidate": "candidate",
        "presidential candidate": "candidate", "opposition candidate": "candidate", "rival": "candidate",
        "senator": "senator", "governor": "governor", "mayor": "mayor", "ambassador": "ambassador",
        "attorney general": "attorney-general", "chancellor": "chancellor", "king": "head-of-state",
        "mr": "", "mrs": "", "ms": "", "dr": "", "sen.": "senator", "gen.": "general", "general": "general",
        "analyst": "analyst", "professor": "professor", "political scientist": "analyst",
        "sociologist": "analyst", "economist": "analyst", "historian": "analyst", "lawmaker": "legislator", "deputy": "legislator",
        "dictator": "", "commissioner": "head", "election commissioner": "head",
        "chief election commissioner": "head", "mep": "legislator", "researcher": "analyst", "queen": "head-of-state",
    },
    org_heads={
        "council": "government-organization", "commission": "government-organization", "committee": "government-organization",
        "ministry": "government-organization", "court": "government-organization",
        "tribunal": "government-organization", "department": "government-organization",
        "office": "government-organization", "assembly": "government-organization",
        "service": "government-organization", "directorate": "government-organization",
        "parliament": "government-organization", "congress": "government-organization",
        "senate": "government-organization", "chamber": "government-organization", "agency": "organization", "institute": "organization",
        "research": "organization", "foundation": "organization", "center": "organization",
        "centre": "organization", "bank": "organization", "union": "organization",
        "organization": "organization", "organisation": "organization", "association": "organization",
        "group": "organization", "network": "organization", "press": "organization", "news": "organization",
        "times": "organization", "post": "organization", "polling": "organization", "consulting": "organization",
        "party": "party", "alliance": "party", "coalition": "party", "platform": "party", "front": "party",
        "movement": "party", "university": "organization", "jury": "government-organization",
        "community": "organization", "broadcaster": "organization", "channel": "organization",
        "newspaper": "organization", "tv": "organization", "radio": "organization", "television": "organization",
        "pollster": "organization", "daily": "organization", "watch": "organization", "firm": "organization", "company": "organization",
        # Seats of institutions and media names: "White House", "Chatham House", "Siena College", "Cape Wire".
        "house": "organization", "college": "organization", "wire": "organization", "church": "organization",
    },
    percent_words=("%", "per cent", "percent", "pct"),
    bounds={
        "more than": "more-than", "over": "more-than", "above": "more-than", "upwards of": "more-than",
        "less than": "less-than", "under": "less-than", "below": "less-than", "fewer than": "less-than",
        "at least": "at-least", "at most": "at-most", "up to": "at-most", "no more than": "at-most",
        "about": "about", "around": "about", "almost": "about", "nearly": "about", "roughly": "about",
        "approximately": "about", "some": "about", "close to": "about", "just over": "more-than",
        "just under": "less-than",
    },
    counted=("counted", "tallied", "processed", "reported", "of polling stations", "of the polling stations",
             "of precincts", "of voting stations", "of the tally sheets", "of tally sheets", "of the vote counted",
             "of the votes counted", "of ballots counted", "of returns",
             "of ballot boxes", "of the ballot boxes"),
    not_shares=("turnout", "participation", "percentage point", "points", "threshold", "inflation", "led by",
                "lead of", "lead by",
                "approval", "of the population", "of venezuelans", "of the electorate", "margin",
                "growth", "grew", "interest", "needed to", "required to", "unemployment", "abstention", "of voters turned out", "gdp", "economy",
                "budget", "of seats", "needs", "need", "of those", "of them"),
    kinds=(
        ("exit poll", "exit-poll"), ("exit-poll", "exit-poll"), ("quick count", "exit-poll"),
        ("opinion poll", "opinion-poll"), ("poll", "opinion-poll"),
        # "with all polls reporting", "after the polls closed": polling stations, not a survey.
        ("polls reporting", "official"), ("polls closed", "official"), ("polls closing", "official"), ("polls", "opinion-poll"),
        ("survey", "opinion-poll"), ("surveys", "opinion-poll"),
        ("opposition's tally", "opposition-tally"), ("opposition's count", "opposition-tally"),
        ("according to the opposition", "opposition-tally"), ("opposition says", "opposition-tally"),
        ("opposition said", "opposition-tally"), ("opposition claims", "opposition-tally"),
        ("official results", "official"), ("official result", "official"), ("electoral council", "official"),
        ("electoral authority", "official"), ("electoral commission", "official"), ("election commission", "official"),
        ("elections committee", "official"), ("election committee", "official"), ("electoral committee", "official"),
        ("electoral body", "official"), ("partial results", "official"), ("declared", "official"),
        ("bulletin", "official"), ("proclaimed", "official"), ("official", "official"), ("officially", "official"),
        ("first round", "official"), ("first-round", "official"), ("official count", "official"),
        ("final count", "official"), ("preliminary results", "official"), ("preliminary result", "official"), ("provisional results", "official"), ("provisional result", "official"), ("final results", "official"), ("final result", "official"),
        ("interior ministry", "official"), ("ministry of the interior", "official"), ("projection", "exit-poll"),
        # "with all votes counted" says when, not whose count it is.
        ("all votes counted", "unattributed"), ("all ballots counted", "unattributed"),
        ("projections", "exit-poll"), ("parallel vote tabulation", "exit-poll"), ("parallel tabulation", "exit-poll"),
        ("own tally", "opposition-tally"), ("own count", "opposition-tally"), ("own collation", "opposition-tally"),
        ("own tabulation", "opposition-tally"),
    ),
    complement_verbs=frozenset("conceded concedes acknowledged acknowledges admitted admits accepted accepts".split()),
    opening_cues=frozenset({"first round", "first-round"}),
    earlier_poll=("last", "latest", "final", "week before", "days before", "previous week", "before the vote", "before the election", "ahead of the vote"),
    tally_links=("and", "against", "versus", "vs", "to"),
    capital_place_words=frozenset("of to near outside around across".split()),
    capital_openers=frozenset("from abroad".split()),
    conjunctions=("and", "but", "though", "although"),
    no_subject_words=frozenset("there here with of about to for".split()),
    stamp_words=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"),
    possessives=frozenset("his her their".split()),
    share_for=("for", "went to", "goes to", "go to"),
    share_at=("at", "on"),
    rival=("rival", "challenger", "opponent"),
    opposition=("the opposition", "opposition"),
    elections={
        "presidential election": "presidential", "presidential elections": "presidential",
        "presidential vote": "presidential", "presidential race": "presidential",
        "parliamentary election": "parliamentary", "parliamentary elections": "parliamentary",
        "legislative election": "parliamentary", "legislative elections": "parliamentary",
        "general election": "general", "general elections": "general", "federal election": "general",
        "federal elections": "general", "election": "", "elections": "", "vote": "", "poll": "",
    },
    not_names=frozenset(
        ("the a an in on at of for to and but however meanwhile while after before following "
         "this that these those it its he she they we his her their our there here when where "
         "as if by from with without under over despite since during then also even many some "
         "most more several both all no not yet so mr mrs ms opposition sources source read "
         "president secretary gdp " + _DAYS_MONTHS_EN).split()
    ),
    photo_credit=("photo", "picture", "image", "credit", "photograph"),
    pronouns=frozenset("he she him".split()),
    complementizers=("that",),
    org_words=frozenset("national electoral federal supreme superior international republic legislative".split()),
    electoral_words=("electoral", "election commission", "elections commission"),
    place_words=frozenset("street avenue square road boulevard plaza city province district strait sea gulf bay "
                          "river lake peninsula mountains palace arena stadium hotel".split()),
    bodies={"foreign ministry": "Foreign Ministry", "ministry of foreign affairs": "Foreign Ministry",
            "foreign office": "Foreign Ministry", "state department": "Foreign Ministry",
            "electoral council": "Electoral Council", "electoral commission": "Electoral Council",
            "electoral authority": "Electoral Council", "supreme court": "Supreme Court", "highest court": "Supreme Court",
            "election commission": "Electoral Council", "electoral tribunal": "Electoral Tribunal",
            "interior ministry": "Ministry of the Interior", "ministry of the interior": "Ministry of the Interior",
            "justice ministry": "Ministry of Justice", "ministry of justice": "Ministry of Justice",
            "constitutional council": "Constitutional Council", "constitutional court": "Constitutional Court",
            # In an election article "the commission" alone is the electoral one.
            "commission": "Electoral Council"},
    org_links=frozenset({"of", "of the", "for", "for the", "on"}),
    party_words=frozenset(
        "democratic democrats republican republicans labour labor conservative conservatives liberal liberals "
        "socialist socialists green greens progressive popular freedom solidarity renewal nationalist communist "
        "rally league force forward reform citizens patriots independence bloc".split()
    ),
    member_of=frozenset({"of the", "of"}),
    party_of=("of", "led by", "under"),
    candidate_of_after=("'s candidate", "’s candidate", "'s presidential candidate", "’s presidential candidate"),
    place_prepositions=frozenset({"in", "at", "near"}),
    share_verbs=("won", "took", "got", "polled", "received", "secured", "scored", "finished on", "finished with",
                 "fell to", "rose to", "surged to", "slumped to", "climbed to", "dropped to", "ended on", "came in at"),
    poll_nouns=("poll", "polls", "survey", "surveys", "exit poll", "exit polls", "projection", "projections"),
    pollster_before=("poll by", "survey by", "carried out by", "conducted by", "pollster", "polling firm",
                     "exit poll by", "quick count by", "projection by", "projections by", "poll from",
                     "count from", "survey from", "projection from", "poll for"),
    passive=frozenset("is was were been be being are".split()),
    concepts={
        "concerns": "concern", "concerned": "concern", "worried": "concern", "outcome": "result",
        "results": "result", "triumph": "victory", "win": "victory", "won": "victory", "votes": "vote",
        "ballots": "vote", "transparent": "transparency", "recognize": "recognise", "recognition": "recognise",
        "believe": "believe", "hard": "difficult", "difficult": "difficult", "peace": "peace",
        "stability": "stability", "fraud": "fraud", "people": "people", "reflect": "reflect",
    },
)
