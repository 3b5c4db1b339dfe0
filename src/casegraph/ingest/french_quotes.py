"""French speakers: who said the words of a quotation in a French sentence (see :mod:`casegraph.ingest.quotes`,
whose ``find_quotes`` asks :func:`french_speaker` first for a French text, and falls back on its own rules when it
finds nobody).

The rules, in order: a reporting verb right after the quotation or after a later one of the sentence, its subject
after it ("« … », a déclaré X", "« … », poursuit-elle", "« … » déclare à l'AFP X", "« … », indique le quotidien");
"selon X", "d'après X", "pour X," and "comme le rappelle X," before it; else the subject, in spaCy's parse, of the
reporting verb nearest before it or of the verb before a colon ("X estime que « … »", "X a défendu sa décision : «
… »"); a gerund ("en évoquant « … »") has the subject of the verb it goes with, a relative clause ("l'organisation
islamique, qui affirme « … »") its antecedent, and "Selon la fédération des banques, Febelfin, « … »" the name in
apposition. A subject that is a pronoun is the last person named before whose gender, when a title, a noun written
with the name ("sa fille, Marine Le Pen", "ex-députée") or the first name tells it, agrees ("il", "elle", "lui");
when no such person is named in the paragraph, a body that is the subject of the sentence before ("Le nouveau
gouvernement … Il a déclaré"). A role or a body ("le ministre", "le quotidien", "l'ONG") is the name it was given
earlier in the text ("le quotidien français Le Figaro", "Barroso, le président de la commission"), or the body of
that kind named before ("le ministère" for "le ministère de l'Intérieur", "le parti écologiste" for "Europe
Écologie Les Verts"); a role the last person named was never given is someone the text does not name ("le
négociateur syrien"); an indefinite one is an unnamed speaker ("unnamed spokesperson" for "un représentant de la
société"). A noun for people alone is the person just named ("résume l'universitaire"), with a complement or in
the plural people the text does not name ("les analystes du groupe …"). A document speaks for its author ("Le
documentaire d'Al Jazeera précise", then "ajoute le documentaire"). A few words in « » in a sentence that reports
nothing are nobody's ("la console « 3DS XL »"). A quotation standing alone after a sentence whose reporting verb has a subject ("La porte-parole de la
fédération a nuancé les chiffres. « … »") is that subject's. Words quoted in a clause coordinated after the
reporting verb ("X poursuit sa campagne et s'est approprié le thème du « changement »") and after an impersonal
verb ("Il apparaît que « … »") are nobody's, and so are codes ("la note « A3 »") and words after a participle of
saying with no one who says them ("des techniques qualifiées d'« audacieuses »"; "… par X" makes them X's). A
semicolon starts a clause of its own; "« … » selon X" and a dash and a name under the words ("— X, porte-parole")
name the speaker after them, and so does "C'est ce qu'a annoncé X" in the next sentence; a paragraph of quotation
after a colon is said by the sentence that introduces it. A participle of saying after a document of X ("un clip
de X, dénonçant « … »") is X's; a sentence in the conditional ("Ils auraient été « … »") goes on with the source of
the sentence before it ("…, a rapporté le Midi Libre."); "Selon le texte" is the document just quoted; "Du côté de
X, la direction …" is X's; a name in « » after the noun of what it names ("la faille « EternalBlue »") and "selon
X" after a figure ("14 000 personnes selon la police") say nothing of the quotation. A document's author may be
written after it ("le communiqué rédigé par les organisateurs"), and a line "— X" under a paragraph signs its
quotations, a role or a service on that line ("— Porte-parole des marins-pompiers") being someone unnamed; "ils"
with no one named in the paragraph is the source of the sentence before ("Selon les pompiers, …"), and "il" an
unnamed source just given ("Selon un ouvrier du chantier, …"). "Selon X, Y a crié « … »" is Y's words, and so is
"Ce n'est pas l'avis de Y : « … »" or "Y avait donné la même explication, « … »"; "selon X « … »" needs no comma,
and "« … » peut-on lire dans le communiqué" is the document's author. Names lose their title ("M.
Houdré", "M. Di Giacomo") and a body written after them ("… de l'Observatoire"), and a body the means it spoke
through ("L'Union européenne au travers de sa délégation"). What someone urges, demands, wants or rejects in
words of their own ("a exhorté les jeunes à « … »", "exige", "veut", "récuse") is theirs; a verb of saying
coordinated after a quotation ("a condamné « … » et dénonce « … »") keeps its speaker; and a role written word for
word after a name earlier ("Abbas Akhoundi , le ministre iranien des Transports") is that name. A name written after
a role's phrase holds the role ("L'ancien candidat à la primaire Alain Juppé"), the head of government is the prime
minister ("le chef du gouvernement"), and a role no one named was given, followed by a name that opens the next
sentence for the first time, is that name. Titles listed in « » ("auteur de « A », « B » ou encore « C »") are
nobody's words, and so are a label, a name or charges after the noun of what they name ("l'opération « … »", "un
groupe : « … »", "accusés de « … », « … » et « … »"); a participle after the words names who said them ("la réplique
« … » lancée par le député"), and so does "…, selon son porte-parole, X"; "X a condamné cet attentat, qualifié
de « … »" is X's. "il" may be a body inverted after a verb of saying in the sentence before ("…, a confirmé le ministère
des affaires étrangères"); a ministry is named by its field, and an acronym by the name written before it in
brackets ("l'Agence nationale des fréquences (ANFR)"). "…, a-t-il poursuivi" goes on with the quotation of the
sentence before when no one is named since; "…, mais qu'il « … »" is a second completive of the same verb; "qui
craignent" after names coordinated is the first's; "On parle du « … »" is nobody's; a passive verb of judging has
its agent ("considérées par l'enquête comme une « … »"); "la cour" is the court of appeal named before, the PDG the
president; and a noun for people alone ("la donatrice") is not the last person named when the text gave them another
("la présidente"). A passive verb of naming or judging after the words has its agent ("classé comme « … » par les
Nations unies", "Ce « désastre » est déploré par X"); a body's name opening the clause speaks words that begin with
its verb ("Airbus « coopère … »"); an indefinite apposition is the name before it ("X , un pilote belge"); "Me" is a
lawyer's title; "Les paroles de X sont : « … »" are X's; a sentence a court passes ("condamné à « … »") and a
nickname in apposition to a name are nobody's; and "a-t-il lancé" in a paragraph a line "— X" signs is X. « » are
matched in pairs: a « » inside another stays part of the outer quotation. "« … » poursuivant par « … »" goes on
with its speaker; "L'un des militants" and "selon cette source" are someone the text does not name, "l'intéressé"
the person it is about, and "peut-on y lire" the author of the document just named; "préférait rectifier X" and
"avait récemment annoncé X" are inverted verbs of saying like the others; a capitalised name after "l'organisation"
is a name even in a sentence that reports; a name in apposition after a role's phrase, or closing it ("Le président
de la Banque centrale européenne Draghi"), holds the role when the recogniser missed it; "X, « félicite … » Y" and
"montrait X se vantant « … »" are X's, and so are words describing the subject set before its verb ("les Farc,
« très attristés … », ont proposé"); "l'armée" is "l'armée égyptienne" named before; a name after a nationality
("la Slovène Tina Trstenjak") is a person, and after a preposition not who "elle" stands for. A body's acronym in
brackets does not stop "selon X" ("selon la Gendarmerie royale du Canada (GRC), « … »"); someone of a person's
circle ("Sa famille annonce", "Son entourage a indiqué") is an unnamed speaker, not that person; what a body "a
décidé de « … »" is its wording; "qui a crié" has for speaker the nearest noun phrase of someone before it, with its
complements ("par un militant opposé à la loi travail qui a crié"), not a noun that is another's complement ("l'un de
ses avocats"); "a communiqué", "a avancé que", "clame-t-il" and "selon les dires de X" report words too. The object
of a participle ("reliant X à …") is not who speaks, and "pour signer X" is a purpose, not X's view; "il" or "elle"
opening a paragraph stands for the unnamed source of the paragraph before when of its gender ("La mère de X a
confirmé …⏎⏎« … », ajoute-t-elle"), and never for someone the text says is of the other; "selon elle" is read as
"ajoute-t-elle"; names of things of a kind ("des pages telles que « … »") are nobody's words; an attribute in « »
after a copula ("X est « très sceptique »") is the word of the person the clause opens with.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .given_names import FEMALE_NAMES, FIRST_NAMES, MALE_NAMES, NATIONALITY, NATIONALITY_ADJECTIVE
from .quotes import (
    ACRONYM_IN_BRACKETS,
    _FR_VERBS,
    FRENCH_MONTHS,
    Person,
    _object_of_preposition,
    _sentence,
    _unnamed,
)

_FR_SAYING = (_FR_VERBS + r"|réjoui\w*|dénon[cç]\w*|présent(?:e|é|ait|aient|ent|ant)|décri\w*|décrit|"
              r"trait(?:e|é|ait|ant)|promi\w*|promet\w*|pense\w*|salu(?:e|é|ait|ant)|raill\w*|qualifi\w*|"
              r"appel(?:le|é|ait|lent|ant)|accus(?:e|é|ée|és|ées|ait|aient|ent|ant)|évoqu\w*|"
              r"annonc(?:e|é|ent)|annonç(?:ait|aient|ant|a)|conclut|conclu|concluait|"
              r"renchéri\w*|nuanc\w*|jugé|jugeait|niai\w*|nié|nie|écrivit|condamn\w*|menac\w*|souhait\w*|"
              r"reconna[iî]\w*|regrett\w*|réagi\w*|déplor\w*|critiqu\w*|défend\w*|plaid\w*|réclam\w*|"
              r"rapporte|rapporté|rapportent|prévien\w*|tente|tenté|fustig\w*|s[’']?indign\w*|interpell\w*|"
              r"répét\w*|répèt\w*|invoqu\w*|dit|dis|dise|disait|disent|dirait|exprim\w*|confirm\w*|révél\w*|"
              r"reproch\w*|prôn\w*|fai\w*\s+part|f(?:ait|aisait|ont|aisaient)\s+valoir|assur(?:ait|aient|ent|ant)|"
              r"twitt\w*|tweet\w*|t(?:ien|en)\w*\s+(?:pour|comme)|avert\w*|prétend\w*|prévoi(?:t|ent|ait|aient)|"
              r"(?<!\bse\s)trouv\w*|voyant|voit|relève|relevé|relevait|"
              r"parl(?:ant|e|ent|ait|aient|é)|confi(?:e|é|ée|ait|aient|ent)|justifi\w*|félicit\w*|"
              r"relat(?:e|é|ait|ent)|point\w*\s+du\s+doigt|rétorqu\w*|répliqu\w*|ironis\w*|protest\w*|objecté|"
              r"objecte|lanç\w*|lança\w*|consid[èé]r\w*|révèl\w*|cri(?:e|é|ait|aient|ent|ant)|hurl\w*|scand\w*|"
              # what someone urges, demands, wants or rejects in words of their own: "exhorte les jeunes à « … »"
              r"exhort\w*|exig\w*|récus\w*|invit(?:e|ait|aient|ent|ant)|(?<!\bse\s)(?:veu(?:t|lent)|voulai(?:t|ent)|"
              r"voudr(?:ait|aient))|"
              # orders, issues (reserves, doubts): "Il ordonne de « … »", "le Conseil émet deux « … »"
              r"ordonn(?:e|é|ent|ait|aient|ant)|ém(?:et|ettent|ettait|is)(?=\s)|"
              r"dénombr\w*|communiqu(?:e|ait|aient|ent)|(?:(?<=\ba\s)|(?<=\bont\s))communiqué|tempér(?:e|é|er|ait|ant)|tempèrent|s[’']?enthousiasm\w*|"
              # "s'est excusé « pour … »", "remarque que « … »", "résumait la situation par la phrase « … »"
              r"excus(?:e|é|ée|és|ées|ait|aient|ent|ant)|résum(?:ait|aient|ent|ant)|"
              r"remarqu(?:e|é|ait|aient|ent|ant)(?=(?:\s+[\w’']+)?\s+qu)|"  # not "remarqué sur lui un « … »"
              r"préven(?:ant|ait|aient)|"
              # what someone decides ("a décidé qu'« … »", "a décidé de « … »"), opposes ("s'opposant à « … »") or puts forward
              r"décid(?:e|é|ent|ait|aient)(?=\s+qu|\s+d(?:e\s+|['’]\s*)$)|s['’]\s*opposant|"
              # "a avancé que « … »", "clame-t-il"
              r"avanc(?:e|é|ent|ait|aient)(?=\s+qu)|clam(?:e|é|ent|ait|aient|ant)|"
              # details, theorises, fears (that)
              r"détaill(?:e|é|ait|aient|ent|ant)|théoris\w*|craign(?:ent|ait|aient|ant)|craint(?=\s+qu)|"
              r"redout(?:e|é|ent|ait|aient|ant)|"
              # advocates; judges that ("Elle juge que …": not "le juge"); "ce dernier juge « … »"
              r"préconis\w*|jug(?:e|ent)(?=\s+qu)|(?<=\bdernier\s)juge|(?<=\bdernière\s)juge|"
              # "qu'il juge « abjectes »": judging the words right after (not "le juge « … »", a noun)
              r"(?<!\ble\s)(?<!\bdu\s)(?<!\bau\s)(?<!\bun\s)(?<!\bce\s)jug(?:e|ent|eait|eaient)(?=\s*$)|"
              # owns up to, hits back: "Trump avoue que cette dénonciation « … »", "le Vatican riposte en …"
              r"avou(?:e|é|ent|ait|aient|ant|a|ât)|ripost\w*|"
              # mutters, grumbles: "« … », maugrée un Gilet jaune"
              r"maugré\w*|grommel\w*|marmonn\w*|ronchonn\w*|"
              # pledges: "Il s'est engagé à ce que … « pour des années »"
              r"engag(?:é|ée|és|ées|e|ent|eait|eaient)(?=\s+à\b)|"
              # adds to what was said: "« … », complète pour sa part le ministre"
              # (not the adjective: "une rotation complète sur lui-même")
              r"complèt(?:e|ent)(?=-t-|-(?:il|elle)|\s+(?:pour\s+sa\s+part|le|la|l['’]|les|un|une|(?-i:[A-ZÀ-ÖØ-Þ])))|"
              r"complét(?:é|ait|aient)(?=\s+(?:pour\s+sa\s+part|le|la|l['’]|les|un|une|(?-i:[A-ZÀ-ÖØ-Þ])))|"
              r"m(?:et|ettent|ettait|ettant)\s+en\s+avant|"
              # warns: "il le met en garde contre tout acte « irresponsable »"
              r"m(?:et|ettent|ettait|ettaient|ettant|is|ise)\s+"
              r"(?:(?:le|la|les|l[’']|[mts]e|leur|lui|nous|vous)\s*)?en\s+garde|"
              # sets right, specifies: "préférait rectifier l'intéressé", "a tenu à préciser X"
              r"rectifi\w*|précis(?:er|ait|aient|ant|ent)|"
              # "La chanteuse s'est dite « très honorée … »": what one says of oneself
              r"(?<=\bs['’]est\s)dite?|(?<=\bse\ssont\s)dit(?:e)?s|"
              # "avant de crier « … »", "se vantant « … »"
              r"crier|(?<=\bse\s)vant(?:e|ent|ait|aient|ant)|(?<=\bs['’]est\s)vantée?")
# "il a trouvé la mort" says nothing, nor "les États-Unis poursuivraient leur campagne"
FR_SAYING = re.compile(rf"\b(?!poursui\w*\s+(?:leurs?|sa|son|ses|la|le|les|l['’]|une?|des|ce|cette|ces)\b)"
                       rf"(?:{_FR_SAYING})\b(?!\s+la\s+mort)", re.I)
_FR_AUX = (r"(?:a|ont|avait|avaient|aurait|auraient|aura|est|sont|était|étaient|s['’]est|se\s+sont|s['’]était|"
           r"lui\s+a|lui\s+avait|leur\s+a|se|s['’])")
#: a reporting verb after the quotation, its subject after it: "», a déclaré X", "» affirme-t-il", "», poursuit-elle"
FR_INVERTED = re.compile(
    rf"(?:\s*\[\d+\])*[\s,]*(?:(?:lui|leur)\s+)?(?:{_FR_AUX}(?P<p1>-t-(?:il|elle|on)|-(?:il|elle|on|ils|elles))?\s+)?"
    rf"(?:(?:ensuite|alors|encore|aussi|également|notamment|enfin|ainsi|déjà|plus tard|cependant|pourtant|"
    rf"toutefois|néanmoins|d['’]ailleurs|récemment|aussitôt|immédiatement|rapidement|auparavant|"
    rf"d['’]abord|tout\s+d['’]abord|à\s+nouveau|de\s+nouveau)\s+)?"
    # "a tenu à tempérer X", "préférait rectifier X": a verb of will before the verb of saying
    rf"(?:(?:tenu|tenue|tenus|tenues|voulu|voulue|tient|tenait|préf[èé]r(?:e|ent|ait|aient|é))\s+(?:à\s+)?)?"
    rf"(?P<verb>{_FR_SAYING}|juge|jugent|(?<=-t-il\s)communiqué|(?<=-t-elle\s)communiqué)(?P<p2>-t-(?:il|elle|on)|-(?:il|elle|ils|elles))?\b", re.I)
_ACRONYM = rf"(?:{ACRONYM_IN_BRACKETS})?"  # "selon la Gendarmerie royale du Canada (GRC), « … »"
#: the nouns of things that a name in « » written after them names ("l'opération « Bouclier de l'Euphrate »")
_KINDS_OF_NAMED_THINGS = (r"opération|organisation|groupe|site(?:\s+(?:Internet|web))?|thème|slogan|statut|mouvement|"
                          r"campagne|programme|mot-dièse|hashtag|nom|titre|surnom|appellation|label|collectif|devise|"
                          r"qualificatif|terme|mot|livre|roman|film|album|chanson|ouvrage|série|exposition|spectacle|"
                          r"page")
#: "pour" before an infinitive gives a purpose ("pour signer Paul Pogba"), not whose view it is ("Pour X, …")
_NOT_A_PURPOSE = r"(?!\s+(?!(?:notre|votre)\b)[a-zà-ÿ]+(?:er|ir|re)\b)"
#: "selon X", "d'après X", "pour X,": the view of X follows (a stray comma: "D'après, Jean Petaux, politologue, …")
FR_ACCORDING = re.compile(rf"\b(?:selon|d['’]après|pour{_NOT_A_PURPOSE})(?:(?<!pour)\s*,)?\s+"
                          rf"(?P<np>[^,;:«»()]{{1,90}}?){_ACRONYM}\s*,", re.I)
#: "« … » selon X.": the same, written after the words
FR_ACCORDING_AFTER = re.compile(rf"(?:\s*\[\d+\])*[\s,]*(?:selon|d['’]après)\s+(?P<np>[^,;:«»()]{{1,90}}?)"
                                rf"{_ACRONYM}\s*(?=[,;:!?]|(?<!\b[A-Z])\.(?:\s|$)|$)", re.I)
_SENTENCE_ADVERBS = {"Dans", "Sur", "Lors", "Après", "Avant", "Par", "En", "Au", "Aux", "Devant", "Selon",
                     "Cependant", "Toutefois", "Pourtant", "Ainsi", "Enfin", "Ensuite", "Alors", "Mais", "Donc",
                     "Néanmoins", "Hier", "Depuis", "Puis", "Or", "Et", "Aussi", "Certes", "Désormais", "Là",
                     "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Aujourd'hui"}
#: a capitalised word opening a phrase that names nobody: a preposition ("Pour le journal Le Monde"), a past
#: participle with its complement ("Qualifié de journal qui …")
_NOT_A_NAME = re.compile(r"(?:Pour|Contre|Avec|Sans|Chez|Pendant|Durant|Malgré|Outre|Vers|Face|Quant|Comme|Parmi|"
                         r"Selon|Dès|Sous|Entre)\b|[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+ée?s?\s+(?:de|d['’]|par|comme)\b")
#: "comme le rappelle X,": the speaker follows the verb
FR_ASIDE = re.compile(rf"\b(?:comme|ainsi\s+que)\s+(?:le\s+|l['’])?(?:{_FR_SAYING})\s+(?P<np>[^,;:«»()]{{1,90}}?)\s*,",
                      re.I)
#: "… sont considérées par X comme une « … »": X, the agent of a passive verb of judging, says the words
_PASSIVE_JUDGE = re.compile(r"\b(?:est|sont|était|étaient|a\s+été|ont\s+été|sera|seront)\s+(?:considér|qualifi|"
                            r"décri|présent|jug|désign|perçu|vu)\w*\s+par\s+(?P<np>[^,;:«»()]{1,80}?)\s+comme\s+"
                            r"(?:(?:un|une|le|la|les|des)\s+|l['’]\s*)?$", re.I)
#: "l'avis de X : « … »", "Les paroles de X sont : « … »": X's view or words
_VIEW_OF = re.compile(r"\b(?:avis|point\s+de\s+vue|position|opinion|réaction|propos|version|analyse|réponse|"
                      r"explication|paroles|mots|message)\s+(?:de|du|des|d['’])\s*(?P<np>[^,;:«»()]{1,60}?)\s*"
                      # "l'analyse de X , le président-fondateur de l'organisation Y :": an apposition after the name
                      r"(?:,[^,;:«»()]{1,120}?)?(?:(?:sont|est|étaient|était)\s*)?:\s*$", re.I)
#: a verb of reacting to what someone said or did, its object next ("a commenté la réponse du Président :")
_REACTING_TO = re.compile(r"\b(?:comment|critiqu|salu|dénon[cç]|raill|fustig|déplor|regrett|contest|réfut|rejet|"
                          r"moqu|ironis)\w*\s+(?:la|le|les|l['’]|cette|ce|ces)\s*$", re.I)
#: "« … » est déploré par X": X, the agent of a passive verb of saying written after the words, says them
_DEPLORED_BY = re.compile(r"\s*,?\s*(?:est|sont|a\s+été|ont\s+été|était|étaient)\s+"
                          r"(?:(?:aussi|également|notamment)\s+)?(?:déplor|dénonc|condamn|salu|critiqu|regrett|qualifi|jug|cit|évoqu|mentionn)\w*\s+par\s+"
                          r"(?P<np>[^,;:«»()!?]{1,80}?)(?=\s*(?:[,;:!?«»()]|\.(?:\s|$)|$))", re.I)
#: "la réplique « … » lancée par X", "les propos « … » tenus par X": X, named by a participle after the words; and
#: the name of a scheme by who promises or announces it ("la « concertation nationale » promise par le gouvernement")
_SAID_BY = re.compile(r"\s*,?\s*(?:(?:lanc|prononc|tenu|employ|utilis|formul|proféré|répét|twitt|tweet|post)"
                      r"(?:é|ée|és|ées|e|s|es)?|promise?s?|annoncée?s?|proposée?s?)\s+par\s+"
                      r"(?P<np>[^,;:«»()!?]{1,80}?)(?=\s*(?:[,;:!?«»()]|\.(?:\s|$)|$))")
#: impersonal verbs: "Il apparaît que « … »" names nobody
FR_IMPERSONAL = re.compile(r"\b(?:appara[iî]t|apparaissait|semble|semblait|faut|fallait|s['’]agit)\b", re.I)
#: the nouns of people spoken of by their role ("le ministre", "le Président-candidat")
FR_ROLES = re.compile(r"(?:ministre|président|présidente|président-candidat|candidat|candidate|procureur|procureure|"
                      r"chef|PDG|DG|CEO|directeur|directrice|secrétaire|député|députée|maire|leader|dirigeant|"
                      r"dirigeante|"
                      r"républicain|démocrate|sénateur|sénatrice|premier|première|juge|avocat|avocate|"
                      r"journaliste|présentatrice|présentateur|commissaire|ambassadeur|ambassadrice|chercheur|"
                      r"chercheuse|responsable|fondateur|fondatrice|patron|patronne|porte-parole|complice|"
                      r"collègue|partenaire|associé|associée|négociateur|négociatrice|représentant|représentante|"
                      r"délégué|déléguée|envoyé|envoyée|médiateur|médiatrice|conseiller|conseillère|souverain|"
                      r"souveraine|roi|reine|monarque|prince|princesse|pape|empereur|impératrice|"
                      r"préfet|préfète|sous-préfet|sous-préfète|vice-président|vice-présidente|gouverneur|"
                      r"gouverneure)s?$", re.I)
#: nouns of people by what they do or where they live, beyond the roles above ("l'universitaire", "les analystes",
#: "certains wikipédiens", "les habitants"): a speaker the text may or may not name
FR_PEOPLE = re.compile(r"(?!(?:affaire|commentaire|salaire|anniversaire|dictionnaire|horaire|inventaire|"
                       r"questionnaire|itinéraire|vocabulaire|formulaire|sommaire|dossier|papier|chantier|"
                       r"quartier|métier|courrier|janvier|février|fichier|atelier|escalier|panier|calendrier|"
                       r"secteur|valeur|couleur|honneur|bonheur|malheur|erreur|peur|fleur|chaleur|hauteur|"
                       r"longueur|largeur|vigueur|rigueur|humeur|rumeur|faveur|moteur|ordinateur|indicateur|"
                       r"cœur|horreur|terreur|douleur|vapeur|grandeur|profondeur|restaurant|instant|montant|"
                       r"carburant|palais|marais|frais|relais|délais|mois|fois|bois|lois|lien|bien|biens|"
                       r"soutien|entretien|maintien|liste|piste|paragraphe|catastrophe|dialogue|catalogue|"
                       r"prologue|matrice)s?$)"
                       r"(?:[\w-]*(?:iste|ien|ienne|eur|euse|rice|aire|ier|ière|ant|ante|ais|aise|ois|oise|"
                       r"logue|naute|crate|phe)|expert|experte|médecin|élu|élue|témoin|victime|proche|parent|ami|amie|"
                       r"voisin|voisine|fan|citoyen|citoyenne|salarié|salariée|employé|employée|ouvrier|ouvrière|"
                       r"policier|gendarme|soldat|juge|scientifique|spécialiste|analyste|sondé|sondée|universitaire|"
                       r"homme|femme|enfant|jeune|personne|gens|auteur|autrice|artiste|acteur|actrice|fille|fils|"
                       r"nièce|neveu|veuve|veuf|épouse|époux|mari|frère|sœur|soeur|père|mère|oncle|tante|cousin|"
                       r"cousine|écrivain|écrivaine|poète|poétesse|peintre|cinéaste|champion|championne|athlète|"
                       r"judoka|judokate|sportif|sportive|capitaine|lauréat|lauréate|médaillé|médaillée|otage|"
                       r"blessé|blessée|rescapé|rescapée|coupable|suspect|suspecte|kamikaze|"
                       # those who speak for a person: "sa famille annonce", "son agent", "son entourage"
                       r"famille|entourage|agent|agente|manager)s?$", re.I)
#: the nouns of institutions and newspapers ("le quotidien", "l'ONG", "le ministère de l'Intérieur")
FR_BODIES = re.compile(r"(?:quotidien|journal|hebdomadaire|magazine|ministère|gouvernement|parti|ONG|organisation|"
                       r"association|fédération|syndicat|commission|parquet|agence|entreprise|société|groupe|"
                       r"banque|conseil|cour|tribunal|mairie|préfecture|police|armée|état|état-major|institut|"
                       r"assemblée|sénat|union|ligue|comité|chaîne|radio|télévision|site|organe|office|fondation|"
                       r"fisc|administration|cabinet|douane|municipalité|collectif|direction|rédaction|équipe|club|"
                       r"mouvement|coalition|opposition|majorité|régime|alliance|ambassade|consulat|"
                       r"observatoire|université|académie|laboratoire|musée|centre|compagnie|firme|"
                       r"constructeur|opérateur|éditeur|fabricant|collectivité|autorité|instance|service|secours|"
                       r"studio|presse)s?$",
                       re.I)
#: the nouns of documents that speak for who wrote them ("le communiqué du ministère")
FR_DOCUMENTS = re.compile(r"(?:communiqué|rapport|texte|message|courrier|lettre|déclaration|compte|blog|site|"
                          r"article|note|étude|document|documentaire|reportage|émission|avis|bilan|clip|vidéo|"
                          # "selon les dires du ministère", "selon une révélation de Médiapart"
                          r"tweet|tribune|dires|renseignement|information|confidence|révélation|"
                          # "une citation de François Fillon qui disait : « … »"
                          r"citation|discours|phrase|formule)s?$", re.I)
#: a title written before a name ("M. Houdré", "Mme Marois")
_TITLE = r"(?:MM?\.\s*|Mmes?\.?\s+|Mlle\.?\s+|Monsieur\s+|Madame\s+|Me\s+|Maître\s+)"  # "Me": a lawyer
_NAME = r"(?:[A-ZÀ-ÖØ-Þ][\w’'-]*\+?(?![\w’'-])|[A-Z]\.)"  # "Canal+"; whole words: "Bouches-du-Rhône"
_MONTHS = rf"(?:{'|'.join(FRENCH_MONTHS)})\b"
# (the words of a name are on one line: "Kirkouk⏎⏎16 octobre" is no name)
NAME_CHAIN = re.compile(rf"(?:(?:L[ae]s?|L['’])[^\S\n]*)?{_NAME}"
                        rf"(?:[^\S\n]+(?:{_NAME}|de|du|des|d['’]|de\s+la|de\s+l['’]|for|of|and)"
                        rf"(?=[^\S\n]*[A-ZÀ-ÖØ-Þ]))*"
                        rf"(?:[^\S\n]+{_NAME})*"
                        rf"(?:[^\S\n]+\d{{1,2}}(?!\d|[,.:/]\d|\s*[%€$]|\s+{_MONTHS}))?")  # "France 5", not a date
#: the articles of someone the text does not name ("un Gilet jaune", "plusieurs habitants", "d'autres")
# (a count first: "nombre de manifestants", "des dizaines de manifestants")
_INDEFINITE = (r"(?:bon\s+|grand\s+)?nombre\s+de|beaucoup\s+de|la\s+plupart\s+des|"
               r"(?:une|des)\s+(?:dizaines?|centaines?|milliers?)\s+de|"
               r"une|un|des|de\s+nombreux|de\s+nombreuses|plusieurs|certains|certaines|quelques|deux|trois|d['’]autres")
_DETERMINER = re.compile(r"^\s*(?:(?P<def>les|le|la|l['’]|cette|ces|ce|son|sa|ses|leurs|leur)|"
                         rf"(?P<indef>{_INDEFINITE}))"
                         r"(?:\b|(?<=['’]))\s*", re.I)  # a whole word: "Les" is not "Le" and "s"
_LEADING_PHRASES = re.compile(
    r"(?:\s*,?\s*(?:(?:à|au|aux|sur|dans|devant|lors\s+d\w*|pendant|après|avant|depuis|par)\s+(?:l['’]\s*|la\s+|le\s+|"
    r"les\s+|un\s+|une\s+|son\s+|sa\s+|ses\s+)?(?:[\w’'-]+)(?:\s+(?-i:[A-Z]{2,})\b)*|ce\s+\w+|hier|aujourd['’]hui|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|ensuite|alors|encore|aussi|également|notamment|enfin|ainsi|"
    r"toutefois|cependant|pourtant|de\s+son\s+côté|pour\s+sa\s+part|sous\s+les\s+\w+\s+de\s+la\s+\w+)\s*,?)*",
    re.I)


#: a lower-case word between a noun and the name it is given ("le quotidien français Le Figaro"), not a preposition
_ADJECTIVE = r"(?!(?:de|du|des|d|à|au|aux|en|pour|par|sur|dans|avec|et|ou|qui|que|a|est)\b)[a-zà-ÿ-]+"
#: a preposition just before a name, with the name's title if any: the name is its object ("a écrit à Joelle
#: Pineau", "homonyme d'Arthur Mensch", "les contrats de M. Max")
_PREPOSITION_JUST_BEFORE = re.compile(r"(?:\b(?:à|avec|contre|chez|envers|entre|sur|auprès\s+de|de|du|des|aux?|"
                                      r"vers|(?-i:pour))\s+|\bd['’]\s?)"  # "Pour X, …" opens X's view
                                      # "du « Canard »", "de M. Le Roux"
                                      rf"(?:«\s*)?(?:(?-i:{_TITLE})(?-i:(?:Le|La|De|Du)\s+)?)?$", re.I)

#: a preposition and the one noun it governs just before a name ("du cabinet", "de l'avocat"): the name is that
#: noun's, inside the preposition's phrase
_PREPOSITION_AND_NOUN_BEFORE = re.compile(r"\b(?:de|du|des|d['’]|à|au|aux|chez|avec|contre)\s*(?:la\s+|le\s+|les\s+|"
                                          r"l['’])?[a-zà-ÿ-]{3,}\s+$|"
                                          # "face à la Slovène Tina Trstenjak": a nationality, capitalised
                                          rf"\b(?:à|au|aux|avec|contre|de|du|des)\s+(?:la\s+|le\s+|les\s+|l['’])?"
                                          rf"{NATIONALITY}\s+$")

#: a noun phrase governed by a preposition, then a comma, just before a name: the name is in apposition to it
# (not after a phrase that opens the sentence: "Face à la fronde de la chaîne, Jean-Marc Morandini a …")
_APPOSED_TO_AN_OBJECT = re.compile(r"(?<!\bface\s)(?<!\bgrâce\s)(?<!\bsuite\s)(?<!\bquant\s)"
                                   r"\b(?:avec|à|au|aux|par|pour|contre|chez|envers|auprès\s+de)\s+(?:son|sa|ses|"
                                   r"le|la|les|l['’]|un|une|leur|leurs)\s*[a-zà-ÿ][^,.;:!?«»()]{0,40},\s*$", re.I)

#: a present participle just before a name, with no article before it (not "l'étudiant", a noun): the name is its
#: object ("… liant Saccorhytus à l'être humain, estimant que …", "accusant Soros")
_PARTICIPLE_JUST_BEFORE = re.compile(r"(?:^|(?<=[\s,]))(?P<article>(?:le|la|les|un|une|des|du|ce|cet|son|l['’])\s*)?"
                                     r"(?P<word>[a-zà-ÿ]{2,}ant)\s+$", re.I)
_NOT_A_PARTICIPLE = {"avant", "devant", "pendant", "durant", "cependant", "maintenant", "autant", "tant", "quant",
                     "suivant", "néant", "constant", "important"}


def _object_of_a_participle(text, p) -> bool:
    """Whether the name ``p`` is the object of a present participle written just before it.

    >>> _object_of_a_participle("liant Saccorhytus à l'être humain", Person("Saccorhytus", 6, 17, None))
    True
    >>> _object_of_a_participle("l'étudiant Jean Dupont", Person("Jean Dupont", 11, 22, None))
    False
    """
    before = _PARTICIPLE_JUST_BEFORE.search(text[max(p.start - 30, 0):p.start])
    return bool(before) and not before.group("article") and before.group("word").lower() not in _NOT_A_PARTICIPLE


def _agent_of_a_noun_participle(text, p) -> bool:
    """Whether the name ``p`` is the agent of a past participle that describes a noun, with no auxiliary before it
    ("les buts encaissés par Thierry Omeyer", "la bible utilisée par Obama"): not whom a later "il" stands for.

    >>> _agent_of_a_noun_participle("les buts encaissés par Thierry Omeyer", Person("Thierry Omeyer", 23, 37, None))
    True
    >>> _agent_of_a_noun_participle("il a été reçu par Jean Dupont", Person("Jean Dupont", 18, 29, None))
    False
    """
    before = re.search(r"([\w’']+),?\s+(?:(?:également|aussi|notamment|déjà|souvent|ensuite|alors)\s+)?"
                       r"[a-zà-ÿ]+(?:ée?s?|ue?s?|ise?s?|ite?s?|erte?s?)\s+par\s+$", text[max(p.start - 60, 0):p.start])
    return bool(before) and not re.fullmatch(rf"{_FR_AUX}|été|être|étant|ayant|avoir|sera|seront|fut|furent|soit",
                                             before.group(1), re.I)


def french_speaker(text, match, matches, lead, tail, people, bounds, quotes):
    """The speaker of a quotation in a French sentence: ((words, IRI), span) for someone, (False, None) when the
    sentence says the words are nobody's, or (None, None) to let the general rules decide. A body named by an
    acronym the text also writes in full is named in full ("SUD" for "SUD-PTT")."""
    speaker, where = _french_speaker(text, match, matches, lead, tail, people, bounds, quotes)
    # "la SDJ d'I-Télé" after "La Société des journalistes (SDJ) d'I-Télé": the acronym spelt out
    owned = re.fullmatch(r"([A-Z]{2,})(\s+(?:de|du|des)\s+.+|\s*d['’]\s*.+)", speaker[0]) \
        if speaker and speaker[1] is None and isinstance(speaker[0], str) else None
    full = _spelt_out(text, owned.group(1)) if owned else None
    if full:
        speaker = (full + owned.group(2), None)
    # "Le SNJ (Syndicat National des Journalistes)": the name the brackets spell out
    spelt = re.fullmatch(r"[A-Z]{2,}\s*\(\s*([A-ZÀ-ÖØ-Þ][^()]+?)\s*\)", speaker[0]) \
        if speaker and speaker[1] is None and isinstance(speaker[0], str) else None
    if spelt:
        speaker = (spelt.group(1), None)
    if speaker and speaker[1] is None and re.fullmatch(r"[A-Z]{2,}", speaker[0]):
        fuller = re.search(rf"\b{speaker[0]}-[A-Z0-9][\w-]+", text)
        if fuller:
            speaker = (fuller.group(0), None)
        else:
            speaker = (_spelt_out(text, speaker[0]) or speaker[0], None)
    return speaker, where


def _spelt_out(text: str, acronym: str) -> str | None:
    """The name an acronym stands for where the text gives it in brackets after it ("l'Autorité des
    technologies de l'information (BTK)"): the longest run of words before the bracket that opens with a capital
    after an article or a preposition, with no comma and no other acronym in it; or None."""
    bracket = re.search(rf"\(\s*{re.escape(acronym)}\s*\)", text)
    if bracket is None:
        return None
    before = text[max(bracket.start() - 120, 0):bracket.start()].rstrip()
    for opening in re.finditer(r"(?:\b(?i:la|le|les|du|des|de|par|à|au|aux)\s+|\b(?i:l)['’]\s*|\bd['’]\s*)"
                               r"(?=[A-ZÀ-ÖØ-Þ])", before):
        name = before[opening.end():]
        if not re.search(r"[,;:.!?()«»]|\b[A-Z]{2,}\b", name) and len(name.split()) <= 10:
            return name
    return None


def _french_speaker(text, match, matches, lead, tail, people, bounds, quotes):
    outer_start, outer_end = match.span()
    # A code or a model's name in « » ("la note « A3 »", "la console « 3DS XL »") is nobody's words.
    inner = text[outer_start:outer_end].strip("«» \u00a0").split()
    if len(inner) <= 2 and all(re.search(r"\d", w) or re.fullmatch(r"[A-Z]+", w) for w in inner):
        return False, None
    # "l'enquête sur l'« affaire Fillon »": the name of a case; "les révélations du « Monde »": a name after "du"
    if re.fullmatch(r"affaire\s+[A-ZÀ-ÖØ-Þ][^.!?]{0,40}", " ".join(inner)) or (
            len(inner) == 1 and inner[0][:1].isupper() and inner[0].isalpha() and
            re.search(r"\b(?:du|des|au|aux|de\s+la|de\s+l['’])\s*$", text[max(lead[0], outer_start - 20):outer_start])):
        return False, None
    # "l'« Acte VI »", "« Vatican II »": a name that ends with its number
    if 2 <= len(inner) <= 3 and inner[0][:1].isupper() and re.fullmatch(r"[IVXLC]+|\d{1,3}", inner[-1]):
        return False, None
    # "au « 20 Heures » de TF1": a programme's or a work's name, its channel or author after it
    if 1 <= len(inner) <= 3 and re.match(r"[A-ZÀ-ÖØ-Þ0-9]", inner[0]) and not re.search(r"[.!?]", " ".join(inner)) and \
            re.search(r"\b(?:au|le|du|la|l['’])\s*$", text[max(lead[0], outer_start - 10):outer_start], re.I) and \
            re.match(r"\s*(?:de|du|d['’])\s*[A-ZÀ-ÖØ-Þ]", text[outer_end:outer_end + 12]):
        return False, None
    # "des « gilets jaunes » ont bloqué …" in an article that writes gilets jaunes fifty times without marks: a
    # term the text itself uses, not anyone's words
    if 0 < len(inner) <= 3 and not re.search(r"[.!?…]", inner[-1]) and _used_unmarked(text, " ".join(inner)) >= 3:
        return False, None
    # "la faille de sécurité « EternalBlue »": a name given after the noun of what it names
    if len(inner) <= 2 and all(w[:1].isupper() for w in inner) and not re.search(r"[.!?]", inner[-1]) and \
            re.search(r"(?<![àu]\s)\b(?:le|la|les|l['’]|un|une|des|du|de|d['’])\s*[a-zà-ÿ-]{3,}"
                      r"(?:\s+(?:de|d['’])\s*[a-zà-ÿ-]{3,})?\s*$", text[lead[0]:outer_start], re.I) and \
            not FR_SAYING.search(text[max(lead[0], outer_start - 30):outer_start]):
        return False, None
    # "l'opération « Bouclier de l'Euphrate »", "un site Internet « La France en colère »", "accusés de « violences
    # … »", "l'enquête pour « homicides volontaires »": the name of a thing, a label or a charge (or a list of
    # them), in a clause that reports nothing
    listed = _listed_with(text, match, matches)
    clause = text[lead[0]:listed[0].start()]
    # "des pages Wikipédia telles que « suicide » ou « … »": names of things of that kind, even where the clause
    # reports something
    such = re.search(rf"\b(?:{_KINDS_OF_NAMED_THINGS})s?(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]*)?\s+(?:tel|telle|tels|telles)\s+"
                     r"que\s*$", clause, re.I)
    if such and not FR_INVERTED.match(text, listed[-1].end(), tail[1]):
        return False, None
    label = re.search(rf"\b(?:{_KINDS_OF_NAMED_THINGS})\s*(?:de\s+|du\s+|d['’]\s*)?:?\s*$|"
                      r"\b(?:accusée?s?|inculpée?s?|poursuivie?s?|"
                      # "mis en examen mardi soir pour « … »": a charge, a few words of time between
                      r"condamnée?s?|mise?s?\s+en\s+examen)(?:\s+[\w’'-]+){0,3}?\s+(?:de|d['’]|pour)\s*$|"
                      r"\bcondamnée?s?\s+à\s*$|"
                      # "l'enquête pour « homicides volontaires »", "une plainte pour « injure publique »"
                      r"\b(?:enquête|information\s+judiciaire|plainte|procédure|procès|poursuites)\s+"
                      r"(?:(?:ouverte|déposée|engagée|judiciaire|préliminaire)\s+)?"
                      # "une enquête visant le couple, pour des « chefs de … »"
                      r"(?:(?:visant|contre|concernant)(?:\s+[\w’'-]+){1,3}\s*,?\s+)?"
                      r"(?:pour(?:\s+(?:des|les))?|du\s+chef\s+d['’]|des\s+chefs\s+d['’]|des\s+chefs\s+de)\s*$",
                      clause, re.I)
    # (a gerund opening the sentence speaks of its own object: "Tout en insistant sur le mauvais bilan d'Obama, le
    # républicain s'est approprié le thème du « changement »")
    gerund = re.match(r"[\s–—-]*(?:tout\s+)?en\s+[a-zà-ÿ]+ant\b[^,;:«»]*,", clause, re.I)
    main = gerund.end() if gerund and label and label.start() > gerund.end() else 0
    if label and not _reporting_verbs(clause[main:label.start()]) and not FR_ACCORDING.search(clause) and \
            not any(FR_DOCUMENTS.match(w) for w in re.findall(r"[\w’'-]+", clause[main:])) and \
            not FR_INVERTED.match(text, listed[-1].end(), tail[1]):
        return False, None
    # "Le Pentagone annonce une frappe contre l'organisation « État islamique »": a capitalised name of a few words
    # right after the kind of body or operation it names is a name, even in a sentence that reports something
    if label and len(listed) == 1 and 0 < len(inner) <= 5 and inner[0][:1].isupper() and \
            not re.search(r"[.!?…]", " ".join(inner)) and \
            re.match(r"(?:opération|organisation|groupe|mouvement|collectif|campagne|programme|site)\b",
                     label.group(0), re.I) and not FR_INVERTED.match(text, outer_end, tail[1]):
        return False, None
    # "auteur de « Vendredi », « Le Roi des aulnes » ou encore « Les Météores »": titles listed in « », with no verb
    # of saying before them in the sentence, are the names of works, nobody's words
    if len(listed) >= 2 and all(re.match(r"«\s*[A-ZÀ-ÖØ-Þ]", m.group(0)) and len(m.group(0).split()) <= 10 and
                                not re.search(r"[.!?…]", m.group(0)) for m in listed) and \
            not _reporting_verbs(text[lead[0]:listed[0].start()]) and \
            not FR_ACCORDING.search(text[lead[0]:listed[0].start()]):
        return False, None
    # "la dernière course à laquelle « la Foudre » , Usain Bolt, prenait part": a nickname in apposition to a name
    if len(inner) <= 3 and not re.search(r"[.!?]", inner[-1] if inner else "") and \
            [p for p in people.within(outer_end, outer_end + 60)
             if re.fullmatch(r"\s*,\s*", text[outer_end:p.start]) and re.match(r"\s*,", text[p.end:])]:
        return False, None
    # "L'ancien souverain avait exprimé ce désir :⏎⏎« … »": a paragraph of quotation after a colon is said by the
    # sentence that introduces it
    introduced = text[:outer_start].rstrip()
    if not text[lead[0]:outer_start].strip() and introduced.endswith(":") and \
            "\n" in text[len(introduced):outer_start]:
        lead = (_sentence(bounds, len(introduced) - 1)[0], outer_start)
    sentence_quotes = [m for m in matches if lead[0] <= m.start() and m.end() <= tail[1]]
    # Words before the quotation, from the end of the last quotation before it in the sentence.
    before = [m for m in sentence_quotes if m.end() <= outer_start]
    clause_start = lead[0]
    # "D'après X, « … » ; Y a ajouté : « … »": a semicolon outside quotations starts a clause of its own
    semicolons = [at for at in range(lead[0], outer_start) if text[at] == ";" and
                  not any(m.start() <= at < m.end() for m in before)]
    if semicolons:
        clause_start = semicolons[-1] + 1
    words = text[clause_start:outer_start]
    # "L'Union européenne a condamné « … » et dénonce « … »": a verb of saying coordinated after the quotation
    # before, with no subject of its own, shares that quotation's speaker
    if before and quotes and before[-1].start() <= quotes[-1].start < before[-1].end() and quotes[-1].speaker and \
            re.fullmatch(rf"\s*,?\s*(?:et|mais|puis|avant\s+de)\s+(?:{_FR_AUX}\s+)?(?:(?:aussi|également|encore)\s+)?"
                         rf"(?:{_FR_SAYING})\s+(?:(?:de|d['’]|à|que|qu['’])\s*)?|"
                         # "« … » poursuivant par « … »", "« … », ajoutant : « … »": a participle that goes on
                         r"\s*,?\s*(?:en\s+)?(?:poursuiv|continu|enchaîn|termin|conclu|ajout|renchériss)ant"
                         r"(?:\s+(?:par|sur|avec))?\s*:?\s*", text[before[-1].end():outer_start],
                         re.I):
        return (quotes[-1].speaker, quotes[-1].speaker_entity), (quotes[-1].start, quotes[-1].end)
    # "X est « très sceptique » et « reste réservé … »": words in « » coordinated right after the quotation before,
    # opening in lower case, go on with its speaker
    if before and quotes and before[-1].start() <= quotes[-1].start < before[-1].end() and quotes[-1].speaker and \
            re.fullmatch(r"\s*,?\s*(?:et|mais|puis)\s*", text[before[-1].end():outer_start]) and \
            re.match(r"«\s*[a-zà-ÿ]", text[outer_start:outer_end]):
        return (quotes[-1].speaker, quotes[-1].speaker_entity), (quotes[-1].start, quotes[-1].end)
    # "X a déclaré que la décision n'était pas « confortable », mais qu'il « … »": a second completive of the same
    # verb of saying has the same speaker
    if before and quotes and before[-1].start() <= quotes[-1].start < before[-1].end() and quotes[-1].speaker and \
            re.fullmatch(r"[^«»;:.!?]{0,60}?,?\s*(?:mais|et|puis)\s+(?:qu['’]|que\s)[^«»;:.!?]{0,80}",
                         text[before[-1].end():outer_start],
                         re.I) and not people.within(before[-1].end(), outer_start):
        return (quotes[-1].speaker, quotes[-1].speaker_entity), (quotes[-1].start, quotes[-1].end)
    # "des techniques qualifiées d'« audacieuses »", "Qualifié de « charismatique »", "Qualifié de journal qui
    # « … »": a participle of saying with no one who says it ("… d'« audacieuses » par la critique": the critics';
    # "X l'a qualifié de « … »": X's)
    if re.search(r"(?<!\ba\s)(?<!\bont\s)(?<!\bavait\s)(?<!\bavaient\s)(?<!\baurait\s)(?<!\bayant\s)"
                 r"\b(?:(?:qualifi|nomm|surnomm|appel|désign|baptis)(?:é|ée|és|ées)|(?<!\bs['’]est\s)dites?)"
                 r"\s+(?:de\s+|d['’]\s*)?$|"
                 r"\b(?:est|sont|était|étaient|a\s+été|ont\s+été)\s+(?:(?:d['’]ailleurs|aussi|également|déjà)\s+)?"
                 r"(?:décrite?s?|présentée?s?|qualifiée?s?|considérée?s?|classée?s?|désignée?s?)\s+comme\s+"
                 r"(?:(?:un|une|le|la|les|des|l['’])\s*(?:[a-zà-ÿ-]+\s+)?)?$|"
                 # "Qualifié de journal qui « s'est couché » par X": what the participle calls it, in a relative
                 r"\b(?:qualifi|surnomm|désign|décri)(?:é|ée|és|ées|te|ts|tes)?\s+(?:de\s+|d['’]\s*|comme\s+)"
                 r"(?:(?:un|une|le|la|l['’])\s*)?[a-zà-ÿ-]+\s+qui\s+$", words, re.I):
        by = re.match(r"\s*,?\s*par\s+(?P<np>[^,;:«»()?!.]{1,90})", text[outer_end:tail[1]])
        found = _agent(text, outer_end + by.start("np"), outer_end + by.end("np"), people, bounds) if by else None
        # "X a condamné cet attentat, qualifié de « … »": the participle sets out what the verb of saying before
        # it says of its object, so it is the words of that verb's subject
        judged = re.search(rf"\b(?:{_FR_SAYING})\b[^«»;:.!?,]{{0,60}},\s*[\w’'-]+\s+(?:de\s+|d['’]\s*)?$", words,
                           re.I)
        said = _reporting_verbs(words[judged.start():]) if found is None and judged else []
        if said:
            verb = re.compile(re.escape(said[0].group(0))).search(words, judged.start())
            found = _parsed_subject_fr(text, clause_start, outer_start, verb, people, bounds)
            found = found if found is not None and found[0] else None
        return found if found is not None else (False, None)
    # 2. "Selon X, « … »", "Pour X, « … »", "D'après le communiqué du ministère, « … »", "comme le rappelle X, « … »".
    # "Selon « Quotidien », « … »": a name the text writes in « » (a programme's, a paper's) is the source
    titled = re.search(r"\b(?:selon|d['’]après)\s+«\s*(?P<np>(?-i:[A-ZÀ-ÖØ-Þ])[^«».!?]{0,40}?)\s*»\s*,\s*$", words,
                       re.I)
    if titled:
        return (titled.group("np"), None), (clause_start + titled.start("np"), clause_start + titled.end("np"))
    aside = FR_ASIDE.search(words)
    # "Comme le rapporte Le Figaro, Jean-Marie Girier a déclaré qu'« … »": the aside names the newspaper, the
    # clause after it the speaker
    if aside and not _reporting_verbs(words[aside.end():]):
        found = _agent(text, clause_start + aside.start("np"), clause_start + aside.end("np"), people, bounds)
        if found is not None:
            return found
    for according in FR_ACCORDING.finditer(words):
        np_start = clause_start + according.start("np")
        if any(m.start() < np_start < m.end() for m in before):
            continue
        # "Selon les policiers, le meurtrier aurait crié « … »": the clause after the source says who spoke
        if _reporting_verbs(words[according.end():]) and not re.search(r":\s*$", words):
            continue
        # "13 500 à 14 000 personnes selon la police, 100 000 selon les organisateurs, portait …": the source of
        # a figure, not of the sentence
        if re.search(r"\d[\d\s  .,]*\s+\w+\s*$", words[words.rfind(",", 0, according.start()) + 1:according.start()]):
            continue
        # "Selon la fédération des banques, Febelfin, « … »": the name given in apposition to a role or a body
        # (or "Pour la principale association du logiciel libre, l'April : « … »")
        apposed = re.match(rf"\s*(?:l['’])?({NAME_CHAIN.pattern})\s*[,:]\s*$", words[according.end():])
        if apposed and _DETERMINER.match(according.group("np")) and apposed.group(1) not in _SENTENCE_ADVERBS:
            at = clause_start + according.end() + apposed.start(1)
            named = people.within(at, clause_start + according.end() + apposed.end(1))
            return ((named[0].text, named[0].entity) if named else (apposed.group(1), None)), lead
        # "Selon le président du conseil du CERN, Michel Spiro, le boson va … : « … »": a person in apposition
        named = people.within(clause_start + according.end(), clause_start + according.end() + 60)
        if named and _DETERMINER.match(according.group("np")) and \
                re.fullmatch(r"\s*", text[clause_start + according.end():named[0].start]) and \
                re.match(r"\s*,", text[named[0].end:]):
            return (named[0].text, named[0].entity), lead
        found = _agent(text, np_start, clause_start + according.end("np"), people, bounds)
        if found is not None:
            return found
        # "… », annonce un communiqué présidentiel. Selon le texte, X doit « … »": the document just quoted
        document = re.fullmatch(r"\s*(?:le|la|l['’]|ce|cette)\s*([\w’'-]+)\s*", according.group("np"), re.I)
        if document and FR_DOCUMENTS.match(document.group(1)) and quotes and quotes[-1].speaker:
            return (quotes[-1].speaker, quotes[-1].speaker_entity), (quotes[-1].start, quotes[-1].end)
    # "L'enterrement est selon l'Église « … »": "selon X" right before the words, with no comma
    close = re.search(rf"\b(?:selon|d['’]après)\s+(?P<np>[^,;:«»()]{{1,60}}?){_ACRONYM}\s*$", words, re.I)
    if close and not _reporting_verbs(words[close.end("np"):]) and not re.search(
            r"\b(?:sur|de|du|des|à|au|aux|en|pour|par|avec|dans|le|la|les|un|une|d['’]|l['’])$", close.group("np"),
            re.I):
        found = _agent(text, clause_start + close.start("np"), clause_start + close.end("np"), people, bounds)
        if found is not None:
            return found
    # "« … »⏎⏎— Jennifer Psaki, directrice de la communication": a dash and a name under the words sign them
    signed = re.match(r"\s*[.]?\s*[—–]\s*", text[outer_end:outer_end + 12])
    if signed:
        at = outer_end + signed.end()
        line_end = text.find("\n", at)
        found = _signer(text, at, line_end if line_end >= 0 else len(text), people)
        if found is not None:
            return found
    # "« no más peleas » ( « plus de combats » )": words in brackets right after a quotation translate it
    if quotes and quotes[-1].speaker and re.fullmatch(r"\s*»\s*\(\s*", text[quotes[-1].end:outer_start]):
        return (quotes[-1].speaker, quotes[-1].speaker_entity), (quotes[-1].start, quotes[-1].end)
    # "tromper son « ennui », comme prétendu par Michel Crépu": who said the words, named by a participle after them
    claimed = re.match(rf"\s*,?\s*comme\s+(?:{_FR_SAYING})\s+par\s+(?P<np>[^,;:«»()]{{1,90}}?)\s*(?:[.!]?\s*$|,)",
                       text[outer_end:tail[1]], re.I)
    if claimed:
        found = _agent(text, outer_end + claimed.start("np"), outer_end + claimed.end("np"), people, bounds)
        if found is not None and found[0]:
            return found
    # "… un « camp d'entraînement » dans la province d'Idleb, selon le Pentagone.": the sentence ends with its source
    ending = re.search(rf",\s*(?:selon|d['’]après)\s+(?P<np>[^,;:«»()]{{1,90}}?){_ACRONYM}\s*(?:[.!]?\s*$|,)",
                       text[outer_end:tail[1]], re.I)
    if ending and not _reporting_verbs(text[lead[0]:outer_start]) and \
            not _reporting_verbs(text[outer_end:outer_end + ending.start()]):
        found = _source_named(text, outer_end + ending.start("np"), outer_end + ending.end("np"), tail[1], people,
                              bounds)
        if found is not None:
            return found
    # "L'adolescente, « qui cherchait un tuteur », est entrée en contact avec X via Internet, ajoute encore la
    # source proche de l'enquête.": the sentence ends with its verb of saying and who said it
    closing = re.search(rf",\s*(?:{_FR_AUX}\s+)?(?:{_FR_SAYING})(?:\s+(?:encore|aussi|également|enfin|alors))?\s+"
                        rf"(?P<np>(?:le|la|les|l['’])\s*[^,;:«»()]{{1,90}}?){_ACRONYM}\s*[.!]?\s*$",
                        text[outer_end:tail[1]], re.I)
    if closing and len(re.findall(r"\w+", text[outer_end:outer_end + closing.start()])) >= 2 and \
            not _reporting_verbs(text[lead[0]:outer_start]) and \
            not _reporting_verbs(text[outer_end:outer_end + closing.start()]):  # (right after the words: FR_INVERTED)
        found = _agent(text, outer_end + closing.start("np"), outer_end + closing.end("np"), people, bounds)
        if found is not None and found[0]:
            return found
    # "… afin de « … ». C'est ce qu'a annoncé le président de la Région Auguste Rollandin": the next sentence says
    if not text[outer_end:tail[1]].strip(" .\n"):
        cleft = re.match(r"\s*C['’]est\s+(?:ce\s+qu['’]|là\s+ce\s+qu['’])\s*(?:ont|a|avait|avaient)\s+"
                         rf"(?:{_FR_SAYING})\b", text[tail[1]:tail[1] + 200], re.I)
        if cleft:
            after = tail[1] + cleft.end()
            found = _subject_after(text, after, _sentence(bounds, after)[1], people, bounds)
            if found is not None:
                return found, _sentence(bounds, after)
    # The agent named after the words: of a passive verb of saying ("Ce « désastre » est déploré par les Nations
    # unies"), or of a participle of saying ("la réplique « … » lancée par le député")
    for phrase in (_DEPLORED_BY, _SAID_BY):
        named = phrase.match(text, outer_end, tail[1])
        # (the agent stops before the verb of the clause it is the subject's: "promise par le gouvernement doit « … »")
        verb = re.search(r"\s+(?:doit|doivent|devra|devrait|a|ont|est|sont|va|vont|peut|peuvent|veut|veulent)$",
                         named.group("np")) if named else None
        found = _agent(text, named.start("np"), named.start("np") + (verb.start() if verb else len(named.group("np"))),
                       people, bounds) if named else None
        if found is not None:
            return found
    # 1. "« … », a déclaré X" / "« … » affirme-t-il" / "« … » selon M. Houdré": a reporting verb or "selon" right
    #    after this quotation or after one of the quotations that follow it in the sentence.
    for m in [match] + [m for m in sentence_quotes if m.start() >= outer_end]:
        according = FR_ACCORDING_AFTER.match(text, m.end(), tail[1])
        if according and re.fullmatch(r"elle|lui", according.group("np"), re.I):
            # "« … », « … », selon elle.": the pronoun after "selon" stands for a speaker as "ajoute-t-elle" does
            return _pronoun_speaker(text, outer_start, outer_end, lead, according.group("np").lower(), quotes,
                                    people, bounds)
        if according:
            found = _source_named(text, according.start("np"), according.end("np"), tail[1], people, bounds)
            if found is not None:
                return found
        inverted = FR_INVERTED.match(text, m.end(), tail[1])
        if inverted and inverted.group("verb").lower().endswith("ant"):
            inverted = None  # "« … » qualifiant la tribune de X": a participle, whose subject is not after it
        if inverted:
            pronoun = inverted.group("p1") or inverted.group("p2")
            if pronoun:
                return _pronoun_speaker(text, outer_start, outer_end, lead, pronoun.strip("-t").lower(), quotes,
                                        people, bounds)
            found = _subject_after(text, inverted.end(), tail[1], people, bounds)
            if found is not None:
                return found, (inverted.start(), tail[1])
            break
    # "« … » peut-on lire dans le communiqué": the document named before, so its author
    read = re.match(r"\s*,?\s*(?:peut|pouvait|pourra)-on\s+lire\s+(?:dans|sur)\s+(?P<np>[^,.;:!?«»()]{1,60})",
                    text[outer_end:tail[1]], re.I)
    if read:
        found = _agent(text, outer_end + read.start("np"), outer_end + read.end("np"), people, bounds)
        if found is not None:
            return found
    # "Dans un communiqué de l'aéroport X, on apprend que … « … » peut-on y lire": the document named in this
    # sentence or the one before, so its author
    there = re.match(r"\s*,?\s*(?:(?:peut|pouvait|pourra)(?:-t)?-on\s+y\s+lire|y\s+lit-on)\b", text[outer_end:tail[1]],
                     re.I)
    if there:
        floor = _sentence(bounds, lead[0] - 1)[0] if lead[0] > 0 else 0
        documents = [d for d in re.finditer(r"\b(?:un|une|le|la|l['’]|ce|cette|son|sa|leur)\s*(?P<noun>[\w’'-]+)\s+"
                                            r"(?:de|du|des|d['’])\s*[^,;:.«»()]{1,80}", text[floor:outer_start])
                     if FR_DOCUMENTS.match(d.group("noun"))]
        if documents:
            found = _agent(text, floor + documents[-1].start(), floor + documents[-1].end(), people, bounds)
            if found is not None:
                return found
    # "le ministre, Christophe Castaner « invite [les journalistes] à … »": the name just before words that begin
    # with the verb of the sentence is who said them
    just_before = [p for p in people.within(clause_start, outer_start) if not text[p.end:outer_start].strip()]
    # "La première ministre, Theresa May, « félicite chaleureusement » Emmanuel Macron": the quoted words open with
    # the verb of saying of the name before them and its comma
    first_word = re.match(r"«\s*([\w’'-]+)", text[outer_start:outer_end])
    if first_word and FR_SAYING.fullmatch(first_word.group(1)) and not FR_SAYING.search(words):
        apposed = [p for p in people.within(clause_start, outer_start)
                   if re.fullmatch(r"\s*,\s*", text[p.end:outer_start])]
        if apposed:
            return (apposed[-1].text, apposed[-1].entity), lead
    # "Airbus « coopère pleinement … »": a body's name too, opening the clause
    alone = re.fullmatch(rf"\s*({NAME_CHAIN.pattern})\s*", words)
    if not just_before and alone and alone.group(1) not in _SENTENCE_ADVERBS and \
            not _DETERMINER.fullmatch(alone.group(1) + " ") and \
            alone.group(1).lower() not in ("cet", "il", "elle", "ils", "elles", "on", "nous", "vous", "je"):
        just_before = [Person(alone.group(1), clause_start + alone.start(1), clause_start + alone.end(1), None)]
    if just_before and re.match(r"«\s*[a-zà-ÿ]+\s+\S+\s+\S", text[outer_start:outer_end]) and \
            not FR_SAYING.search(words) and \
            not _PREPOSITION_JUST_BEFORE.search(text[max(just_before[0].start - 20, 0):just_before[0].start]):
        first = text[outer_start:outer_end].lstrip("« ").split()[0]
        if re.fullmatch(r"[a-zà-ÿ]+(?:e|ent|it|ait|a|ont|est|sont)", first) and first not in ("une", "le", "la", "de"):
            return (just_before[0].text, just_before[0].entity), lead
    # "les Farc (…), « très attristés par cette tragédie » , ont proposé leur aide": words that describe the subject,
    # set between it and its verb, are the subject's own
    if words.rstrip().endswith(",") and not _reporting_verbs(words) and \
            re.match(r"«\s*(?!(?:le|la|les|l['’]|un|une|des|du|de|d['’])\b)[a-zà-ÿ]", text[outer_start:outer_end]) and \
            re.match(rf"\s*,\s*(?:{_FR_AUX}\s+)?(?:[a-zà-ÿ]+\s+)?[a-zà-ÿ]+(?:é|ée|és|ées|ent|ait|aient)\b",
                     text[outer_end:tail[1]]):
        segment = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), words.rstrip()[:-1])
        np_start = segment.rfind(",") + 1
        np = segment[np_start:].rstrip()
        found = _agent(text, clause_start + np_start, clause_start + np_start + len(np), people, bounds) \
            if np.strip() else None
        if found is not None:
            return found
    # "Bertrand Lefebvre, chargé de recherche au CNRS, est néanmoins « très sceptique »": an attribute in « » of the
    # person the clause opens with, after a copula, is that person's word for it
    copula = re.search(r"\b(?:est|était|semble|semblait|paraît|paraissait|reste|restait|se\s+(?:dit|disait|montre|"
                       r"montrait|déclare|déclarait)|s['’]est\s+(?:dite?|montrée?|déclarée?))(?:\s+(?:[a-zà-ÿ]+ment|"
                       r"néanmoins|toutefois|pourtant|aussi|plutôt|encore|toujours))?\s*$", words, re.I)
    opener = people.within(clause_start, outer_start) if copula else []
    if opener and not text[clause_start:opener[0].start].strip(" \n–—-") and \
            not _reporting_verbs(words) and re.match(r"«\s*[a-zà-ÿ]", text[outer_start:outer_end]):
        return (opener[0].text, opener[0].entity), lead
    # "« … » , déplore-t-il, estimant que chaque député devrait toucher « … »": a participle after the inverted
    # verb of the quotation before goes on with its speaker
    previous = quotes[-1] if quotes else None
    if previous is not None and previous.speaker and re.fullmatch(
            rf"[\s»]*,?\s*(?:{_FR_AUX}(?:-t-|-)(?:il|elle)\s+)?(?:[a-zà-ÿ]+\s+)?(?:{_FR_SAYING})"
            rf"(?:-t-|-)(?:il|elle)\s*,"
            rf"\s*(?:tout\s+en\s+|en\s+)?[a-zà-ÿ]+ant\b[^«».;!?]*", text[previous.end:outer_start], re.I):
        return (previous.speaker, previous.speaker_entity), (previous.start, previous.end)
    # "Télérama le qualifiant « … »": a name, then a participle of saying, opening a clause of their own
    participle = re.search(rf"(?:^|[,;(])\s*(?P<np>{NAME_CHAIN.pattern})\s+(?:(?:le|la|les|l['’]|en)\s*)?"
                           rf"(?P<verb>[a-zà-ÿ]+ant)\s+(?:de\s+|d['’]\s*|comme\s+)?$", words)
    if participle and FR_SAYING.fullmatch(participle.group("verb")) and \
            participle.group("np").split()[0] not in _SENTENCE_ADVERBS:
        found = _agent(text, clause_start + participle.start("np"), clause_start + participle.end("np"), people,
                       bounds)
        if found is not None and found[0]:
            return found
    # "le Conseil d'État a « enjoint au ministre … »": words that open with the participle of the verb whose
    # auxiliary comes before them are its subject's
    auxiliary = re.search(r"(?:^|[,;:])\s*(?P<np>[^,;:«»()]{1,90}?)\s+(?:a|ont|avait|avaient)\s*$", words)
    first = re.match(r"«\s*([a-zà-ÿ]+)\s+\S", text[outer_start:outer_end])
    if auxiliary and first and re.fullmatch(r"[a-zà-ÿ]{3,}(?:é|i|u|oint|eint|aint|ert|is|it)", first.group(1)) and \
            not _reporting_verbs(words):
        found = _agent(text, clause_start + auxiliary.start("np"), clause_start + auxiliary.end("np"), people,
                       bounds)
        if found is not None and found[0]:
            return found
    # "C'est Maradona qui a fait le premier pas : « … »": the one the cleft puts first
    cleft = re.search(r"\bC['’]est\s+(?P<np>[^,;:«»()]{1,60}?)\s+qui\b[^«»]*:\s*$", words)
    if cleft:
        found = _agent(text, clause_start + cleft.start("np"), clause_start + cleft.end("np"), people, bounds)
        if found is not None:
            return found
    # 3. "X a déclaré que « … »", "X estime que « … »", "X : « … »": the subject of the verb nearest the quotation.
    verbs = [v for v in _reporting_verbs(words)
             if not any(m.start() <= clause_start + v.start() < m.end() for m in before) and
             not (_IN_A_RELATIVE_CLAUSE.search(words[:v.start()]) and "," in words[v.end():])]
    # "… un clip de la comédienne Josiane Balasko, dénonçant « … »": a participle of saying after a document and
    # a comma is the document's, so its author's
    document = re.search(r"(?P<np>\b(?:un|une|le|la|l['’]|ce|cette)\s*[\w’'-]+\s+(?:de|du|d['’])[^,;:«»()]{1,80}?)"
                         r"\s*,\s*[\w’'-]+ant\s*$", words, re.I)
    if document and FR_SAYING.search(words[document.end("np"):]) and \
            FR_DOCUMENTS.match(_DETERMINER.sub("", document.group("np")).split()[0]):
        found = _agent(text, clause_start + document.start("np"), clause_start + document.end("np"), people, bounds)
        if found is not None:
            return found
    # "X annonce que … en évoquant « … »": a gerund's subject is the subject of the verb it goes with.
    gerunds = [v for v in verbs if re.search(r"\ben\s+$", words[:v.start()], re.I)]
    verbs = [v for v in verbs if v not in gerunds] if gerunds else verbs
    colon = words.rstrip().endswith(":")
    # The agent of a passive verb of judging ("Ces tueries sont considérées par l'enquête comme une « … »"), or the
    # one whose view or words the noun before the colon names ("Ce n'est pas l'avis de Fottorino : « … »", "Les
    # paroles de l'écrivain sont : « … »")
    for phrase in (_PASSIVE_JUDGE, _VIEW_OF):
        named = phrase.search(words)
        if named and phrase is _VIEW_OF and _REACTING_TO.search(words, 0, named.start()):
            named = None  # "X a commenté la réponse du Président : « … »": X's words about the response
        found = _agent(text, clause_start + named.start("np"), clause_start + named.end("np"), people, bounds) \
            if named else None
        if found is not None:
            return found
    # "X avait alors donné la même explication à cette baisse, « … »": a noun of saying given by the subject
    given = re.search(r"\b(?:donn|apport|fourni|avanc)\w*\s+(?:la|une|sa|son|cette|leur|des|les|ses)\s+(?:même\s+)?"
                      r"(?:explication|réponse|justification|précision|version)s?\b[^«»]*[,:]\s*$", words, re.I)
    if given and not verbs:
        found = _parsed_subject_fr(text, clause_start, outer_start, given, people, bounds)
        if found is not None and found[0]:
            return found
    # "Du côté de Canal+, la direction justifie …": the body a role or a body of the clause belongs to
    side = re.match(r"\s*(?:Du|De\s+son|De\s+leur)\s+côté\s*(?:,|(?:de|du|des|d['’])\s*(?P<np>[^,;:«»()]{1,60}?)\s*,)"
                    r"\s*(?:la|le|les|l['’])\s*(?P<noun>[\w’'-]+)", words)
    if verbs and side and side.group("np") and (FR_BODIES.match(side.group("noun")) or
                                                FR_ROLES.match(side.group("noun"))):
        found = _agent(text, clause_start + side.start("np"), clause_start + side.end("np"), people, bounds)
        if found is not None:
            return found
    # "une vidéo montrait Trump se vantant « … »": a participle of saying right after a name is that person's
    if verbs and verbs[-1].group(0).lower().endswith("ant"):
        at = clause_start + verbs[-1].start()
        right = [p for p in people.within(clause_start, at) if re.fullmatch(r"\s*(?:se\s+|s['’]\s*)?", text[p.end:at])]
        if right:
            return (right[-1].text, right[-1].entity), lead
    if verbs or colon or gerunds:
        # (a gerund alone is read from itself up to the verb it goes with: "Il a terminé en affirmant son intention
        # de « … »", whose "de" the parse may take for a second root)
        found = _parsed_subject_fr(text, clause_start, outer_start,
                                   verbs[-1] if verbs else gerunds[-1] if gerunds else None, people, bounds)
        if found is not None:
            return found
        # "Aucune revendication n'a eu lieu mais les autorités turques indiquent que « … »", parsed astray: the
        # noun phrase just before the verb, in its clause
        np = re.search(rf"(?:^|\b(?:mais|et|or|puis)\s+|[,;]\s*)(?P<np>(?:les|le|la|l['’]|des|un|une)\s*"
                       rf"[^,;:«»()]{{1,60}}?)\s+(?:{_FR_AUX}\s+)?$", words[:verbs[-1].start()], re.I) \
            if verbs else None
        if np:
            found = _agent(text, clause_start + np.start("np"), clause_start + np.end("np"), people, bounds)
            if found is not None:
                return found
        # "Tout comme Nadine Morano, ex-députée UMP, l'avait appelé la « … »": no subject but the one compared
        like = re.match(r"\s*(?:tout\s+)?comme\s+(?P<np>[^,;:«»()]{1,90}?)\s*,", words, re.I)
        if like and verbs and verbs[-1].start() > like.end():
            found = _agent(text, clause_start + like.start("np"), clause_start + like.end("np"), people, bounds)
            if found is not None:
                return found
    elif not before and FR_IMPERSONAL.search(words):
        return False, None
    # 4. A quotation standing alone as its sentence: the person named in the sentences just before.
    if not words.strip(" -–—\n") and not re.sub(r"\[\d+\]", "", text[outer_end:tail[1]]).strip(" .!?…\n"):
        previous = quotes[-1] if quotes else None
        if previous is None or previous.speaker is None or text.rfind("\n\n", previous.end, outer_start) >= 0 or \
                _named_since(text, previous.end, outer_start, people):
            # The subject of a reporting verb in the sentence just before ("La porte-parole de la fédération a
            # nuancé les chiffres. « … »"), else the last person named.
            ps, pe = _sentence(bounds, lead[0] - 1) if lead[0] > 0 else (0, 0)
            said = [v for v in FR_SAYING.finditer(text, ps, pe)] if pe == lead[0] and "«" not in text[ps:pe] \
                else []
            if said:
                verb = re.compile(re.escape(said[-1].group(0))).search(text[ps:pe], said[-1].start() - ps)
                found = _parsed_subject_fr(text, ps, pe, verb, people, bounds)
                if found is not None and found[0]:
                    return found
            return _earlier_fr(text, lead[0], people, bounds, sentences=2)
        return (previous.speaker, previous.speaker_entity), (previous.start, previous.end)
    # "… « pour la conception … ». ⏎⏎— Comité Nobel": a line of its own under the paragraph signs its words
    found = _paragraph_signer(text, outer_end, people)
    if found is not None:
        return found
    # "…, a rapporté le Midi Libre. Ils auraient été « jetés … »": a sentence in the conditional goes on
    # reporting what the source of the sentence before it, in the same paragraph, says
    if lead[0] > 0 and re.search(r"\b(?:aurai(?:t|ent)|serai(?:t|ent))\b", text[lead[0]:tail[1]]):
        ps, pe = _sentence(bounds, lead[0] - 1)
        if pe == lead[0] and "«" not in text[ps:pe] and "\n\n" not in text[ps:pe].strip():
            found = _source_of(text, ps, pe, people, bounds)
            if found is not None and found[0]:
                return found
    # 5. A few words in « » in a sentence that reports nothing ("la console « 3DS XL »", "la note « A3 »") name a
    #    thing or stand apart: nobody's words.
    inner = text[outer_start:outer_end].strip("«» \u00a0")
    sentence = text[lead[0]:outer_start] + text[outer_end:tail[1]]
    if len(inner.split()) <= 3 and not re.search(r"[.!?]", inner) and not _reporting_verbs(sentence) and \
            not FR_ACCORDING.search(sentence) and not re.search(r":\s*$", words):
        return False, None
    return None, None


def _pronoun_speaker(text, outer_start, outer_end, lead, pronoun, quotes, people, bounds):
    """Who "il" or "elle" of a verb after the words (« … », a-t-il déclaré) is: the speaker of the quotation just
    before, in this sentence or the one before, when no one is named since ("Trump a annoncé des baisses
    « massives » … . « … », a-t-il poursuivi"); else a person the line under the paragraph names ("« … » a-t-il
    lancé.⏎⏎— Usain Bolt"); else the last person named; else the speaker of the quotation just before in the
    paragraph before; each of the pronoun's gender (an unnamed speaker's by its article)."""
    def fits(name, start, end):
        return _gender(text, Person(name, start, end, None), people) in (None, _PRONOUN_GENDER.get(pronoun))

    def speaks(quote) -> bool:  # the quotation's speaker can be who the pronoun stands for
        if not quote.speaker:
            return False
        # an unnamed speaker of the pronoun's gender ("Selon une voisine, … . « … », ajoute-t-elle")
        if quote.speaker.startswith("unnamed"):
            return _unnamed_gender(quote.speaker) == _PRONOUN_GENDER.get(pronoun)
        # the gender of the speaker's fullest name: "Trump" is "Donald Trump"
        fullest = max((p.text for p in people.items if p.text.endswith(quote.speaker)), key=len,
                      default=quote.speaker)
        return fits(fullest, quote.start, quote.end)

    # "Ce dernier n'était pas au courant : « … », déclare-t-il": the one the clause introducing the words opens with;
    # "La nouvelle est accueillie avec soulagement par l'Union … (ACLU) : « … » a-t-elle déclaré": the agent just
    # before the colon
    introduced = re.match(r"[\s–—-]*(?P<np>(?:ce|cette)\s+derni(?:er|ère))\b[^«»]*:\s*$", text[lead[0]:outer_start],
                          re.I) or \
        re.search(rf"\bpar\s+(?P<np>[^,;:«»()]{{1,90}}?){_ACRONYM}\s*:\s*$", text[lead[0]:outer_start])
    if introduced:
        found = _agent(text, lead[0] + introduced.start("np"), lead[0] + introduced.end("np"), people, bounds)
        if found is not None and found[0] and fits(found[0][0], *found[1]):
            return found
    previous = quotes[-1] if quotes else None
    just_before = previous is not None and not _named_since(text, previous.end, outer_start, people) and \
        previous.start >= _sentence(bounds, len(text[:lead[0]].rstrip()) - 1)[0]
    if just_before and "\n\n" not in text[previous.end:outer_start] and speaks(previous):
        return (previous.speaker, previous.speaker_entity), (previous.start, previous.end)
    signer = _paragraph_signer(text, outer_end, people)
    if signer is not None and signer[0][0] and any(p.text == signer[0][0] for p in people.items) and \
            fits(signer[0][0], *signer[1]):
        return signer
    found = _earlier_fr(text, outer_start, people, bounds, pronoun=pronoun)
    if found[0] is None and just_before and speaks(previous):
        # "« … », ajoute-t-elle.⏎⏎Cet or était « … », selon elle.": with no one else to stand for, the speaker of
        # the last sentence of the paragraph before
        return (previous.speaker, previous.speaker_entity), (previous.start, previous.end)
    return found


def _used_unmarked(text: str, words: str) -> int:
    """How often ``text`` writes ``words`` (case aside) outside « », as whole words."""
    return len(re.findall(rf"(?<![\w’'-]){re.escape(words.lower())}(?![\w’'-])", _unmarked(text)))


@lru_cache(maxsize=4)
def _unmarked(text: str) -> str:
    """``text`` in lower case without its quotations in « » (made once per text)."""
    return re.sub(r"«[^«»]*»", " ", text).lower()


def _named_since(text, start, end, people) -> list:
    """The people named in ``text[start:end]`` who may have taken the word: not those after a preposition
    ("« … », ajoute-t-il, tout en disant n'être pour rien dans les contrats de M. Max. « … »": still his words)
    or a conjunction of condition or time."""
    # (nor the subject of a clause of condition or time: "… « … » dans le cas où Fillon renoncerait. « … », a-t-il
    # ajouté")
    return [p for p in people.within(start, end)
            if not _PREPOSITION_JUST_BEFORE.search(text[max(start, p.start - 40):p.start]) and
            not re.search(r"\b(?:où|si|lorsque|quand|puisque)\s+$|\b(?:s|lorsqu|puisqu)['’]\s*$",
                          text[max(start, p.start - 15):p.start])]


def _source_named(text, start, end, limit, people, bounds):
    """The speaker "selon X" names after the words, X being ``text[start:end]``: the person in apposition to a
    role ("…, selon son porte-parole, Fraser Seitel."), else what :func:`_agent` reads in X."""
    then = [p for p in people.within(end, limit) if re.fullmatch(r"\s*,\s*", text[end:p.start]) and
            re.match(r"\s*(?:[,;.]|$)", text[p.end:limit + 1])]  # "selon la police, Jean Dupont a été …" is not
    det = _DETERMINER.match(text[start:end])
    noun = text[start + det.end():end].split()[:1] if det else []
    # (or a document of that role's holder: "selon les propos du directeur de la centrale, Stéphane Brasseur")
    owner = re.match(r"\S+\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*([\w-]+)", text[start + det.end():end]) \
        if det else None
    if then and noun and (FR_ROLES.match(noun[0]) or ((FR_DOCUMENTS.match(noun[0]) or noun[0] == "propos") and
                                                     owner and FR_ROLES.match(owner.group(1)))):
        return (then[0].text, then[0].entity), _sentence(bounds, then[0].start)
    return _agent(text, start, end, people, bounds)


def _paragraph_signer(text, at, people):
    """Who a line "— X" of its own, under the paragraph holding ``at``, names (see :func:`_signer`), or None."""
    paragraph_end = text.find("\n\n", at)
    signature = re.match(r"\n\n[ \t]*[—–][ \t]*(?P<name>[^\n]{2,80}?)[ \t]*(?:\n|$)", text[paragraph_end:]) \
        if paragraph_end >= 0 else None
    if signature:
        return _signer(text, paragraph_end + signature.start("name"), paragraph_end + signature.end("name"), people)
    return None


def _listed_with(text, match, matches) -> list:
    """The quotations written in one list with ``match`` ("« A », « B » ou encore « C »"), in text order."""
    gap = re.compile(r"\s*(?:,\s*)?(?:(?:et|ou)(?:\s+encore)?|ainsi\s+que)?\s*(?:,\s*)?")
    at = matches.index(match)
    first = last = at
    while first > 0 and gap.fullmatch(text[matches[first - 1].end():matches[first].start()]):
        first -= 1
    while last + 1 < len(matches) and gap.fullmatch(text[matches[last].end():matches[last + 1].start()]):
        last += 1
    return matches[first:last + 1]


def _signer(text, start, end, people):
    """Who a line "— X" under quoted words (``text[start:end]``) names: ((words, IRI), span) for a person or a
    name ("Comité Nobel", "Préfecture des Bouches-du-Rhône"), an unnamed speaker for a role or a service the line
    describes ("Service de presse du festival", "Porte-parole des marins-pompiers"), or None."""
    line = text[start:end].split(",")[0].strip()
    # "— Olivier Ravanello et Antoine Genton, au nom de la Société des Journalistes de I-télé/Canal+": who they
    # sign for
    behalf = re.search(r",\s*au\s+nom\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*"
                       r"(?P<body>[A-ZÀ-ÖØ-Þ][^,/]*?)\s*(?:/|,|$)", text[start:end])
    if behalf:
        return (behalf.group("body"), None), (start, end)
    first, _, rest = line.partition(" ")
    # "— Communiqué de la SDJ d'I-Télé": a document signs for its author
    author = re.match(r"(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*(?P<name>[A-ZÀ-ÖØ-Þ].*)$", rest)
    if FR_DOCUMENTS.match(first) and author:
        return (author.group("name"), None), (start, end)
    # "Porte-parole des marins-pompiers" describes someone; "Académie royale des sciences de Suède", which ends
    # on a name, names a body
    if (FR_ROLES.match(first) or FR_BODIES.match(first)) and \
            re.search(r"(?<![’'])\b(?!(?:de|du|des|d|la|le|les|l|et)\b)[a-zà-ÿ][\w’'-]*", rest) and \
            not re.search(r"(?<![\w’'-])[A-ZÀ-ÖØ-Þ][\w’'-]*$", rest):
        return ("unnamed " + line, None), (start, end)
    if FR_BODIES.match(first) and first[:1].isupper() and rest:
        return (line, None), (start, end)
    signer = [p for p in people.within(start, start + 80) if p.start == start and p.end >= start + len(line)]
    if signer:
        return (signer[0].text, signer[0].entity), (start, start + 80)
    name = NAME_CHAIN.match(text, start, end)
    if name and name.group(0) not in _SENTENCE_ADVERBS and not _DETERMINER.fullmatch(name.group(0) + " "):
        return (name.group(0).strip(), None), (start, start + 80)
    return None


def _source_of(text, start, end, people, bounds):
    """Who the sentence ``text[start:end]`` says its facts come from: "selon X", "…, a rapporté X." or the
    subject of its reporting verb ("Le Canard enchaîné révèle que …"); ((words, IRI), span) or None."""
    sentence = text[start:end]
    according = FR_ACCORDING.search(sentence) or re.search(
        rf"(?:selon|d['’]après)\s+(?P<np>[^,;:«»()]{{1,90}}?){_ACRONYM}\s*[.!]?\s*$", sentence, re.I)
    if according:
        return _agent(text, start + according.start("np"), start + according.end("np"), people, bounds)
    closing = re.search(rf",\s*(?:{_FR_AUX}\s+)?(?:{_FR_SAYING})\s+(?P<np>[^,;:«»()]{{1,90}}?)\s*[.!]?\s*$",
                        sentence, re.I)
    if closing:
        return _agent(text, start + closing.start("np"), start + closing.end("np"), people, bounds)
    verbs = _reporting_verbs(sentence)
    if not verbs:
        return None
    # "Le Progrès révèle que …": the noun phrase the sentence opens with, when the verb follows it (not "Une action
    # qu'elle qualifie de …", whose verb is the relative clause's)
    opening = re.match(r"[\s–—-]*(?P<np>[^,;:«»()]{1,60}?)\s+(?:(?:a|ont|avait|avaient)\s+)?$",
                       sentence[:verbs[0].start()])
    if opening and re.match(r"(?:L[ae]s?\s|L['’]|[A-ZÀ-ÖØ-Þ])", opening.group("np")) and \
            not re.search(r"\bqu(?:e\b|['’])", opening.group("np"), re.I):
        found = _agent(text, start + opening.start("np"), start + opening.end("np"), people, bounds)
        if found is not None:
            return found
    return _parsed_subject_fr(text, start, end, verbs[0], people, bounds)


def _reporting_verbs(words: str) -> list[re.Match]:
    """The reporting verbs of ``words``, less the words of their spelling that the parse reads as nouns or
    adjectives ("critique gastronomique", "une déclaration")."""
    found = list(FR_SAYING.finditer(words))
    if not found:
        return found
    nouns = _nouns_at(words)
    # "… laisserait penser que": what a thing suggests, no one's thought
    return [v for v in found if v.start() not in nouns and
            not re.search(r"\blaiss\w*\s+$", words[max(v.start() - 20, 0):v.start()])]


@lru_cache(maxsize=512)
def _nouns_at(words: str) -> frozenset:
    """The offsets where the parse of ``words`` reads a noun or an adjective that opens a noun phrase: after a
    determiner, a preposition or a comma (the parse's part of speech alone would also take "Le Figaro annonce"
    for a noun)."""
    from .candidates import french_parser

    nlp = french_parser()
    if nlp is None:
        return frozenset()
    doc = nlp(words)
    # "…, Thierry Mandon, annonce qu'il « … »", "X, à l'origine du texte, récuse toute volonté de « … »": after a
    # comma, a word with a subject or an object, or that a completive follows, is the verb
    return frozenset(t.idx for t in doc if t.pos_ in ("NOUN", "ADJ") and t.i > 0 and
                     (doc[t.i - 1].pos_ in ("DET", "ADP") or doc[t.i - 1].text == "," and not (
                         t.i + 1 < len(doc) and doc[t.i + 1].lower_ in ("que", "qu'", "qu’") or
                         any(c.dep_.startswith("nsubj") or c.dep_ == "obj" for c in t.children))))


def french_people(text, people):
    """The people of a French text with their names as the text means them: "AFP Jean-Philippe Magnen" (from
    "déclare à l'AFP Jean-Philippe Magnen") is Jean-Philippe Magnen; "Jababeka David Quentin" (from "le directeur
    du site de Jababeka David Quentin") is David Quentin; and a name the text once spells "Miguel Nerva" and more
    often "Miguel Neiva", a letter apart, is written the usual way."""
    people = [_without_title(_without_trailing_body(_without_leading_words(text, p))) for p in people]
    counts = {}
    for p in people:
        counts[p.text] = counts.get(p.text, 0) + 1

    def usual(name):
        variants = [other for other in counts if counts[other] > counts[name] and _a_letter_apart(name, other)]
        return max(variants, key=counts.get) if variants else name

    spelling = {name: usual(name) for name in counts}  # each distinct name compared once
    return [Person(spelling[p.text], p.start, p.end, p.entity) if p.entity is None and spelling[p.text] != p.text
            else p for p in people]


def _without_leading_words(text, person):
    """A person's name without an acronym or a place written before it with no comma."""
    m = re.match(r"[A-Z]{2,}\s+(?=[A-ZÀ-Ö][a-zà-ÿ])", person.text)
    if m and person.text[m.end():].count(" ") >= 1:
        return Person(person.text[m.end():], person.start + m.end(), person.end, person.entity)
    words = person.text.split()
    after_de = re.search(r"\b(?:de|du|des|d['’])\s*$", text[max(person.start - 6, 0):person.start])
    if len(words) >= 3 and person.entity is None and words[0].lower() not in FIRST_NAMES and \
            words[1].lower() in FIRST_NAMES and after_de:
        at = person.text.index(words[1], len(words[0]))
        return Person(person.text[at:], person.start + at, person.end, person.entity)
    return person


def _without_title(person):
    """A person's name without the title written with it ("M. Houdré" is Houdré); a pseudonym ("M. X...") keeps
    it, being all the text says of them."""
    m = re.match(rf"{_TITLE}(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+)", person.text)
    if m is None or person.entity is not None:
        return person
    return Person(person.text[m.end():], person.start + m.end(), person.end, None)


def _without_trailing_body(person):
    """A person's name without the body written after it ("Rami Abd al-Rahman de l'Observatoire syrien", "Jean
    Dupont du Parti socialiste"); "Charles de Gaulle" and "Joachim du Bellay" keep their particle."""
    if person.entity is not None:
        return person
    m = re.search(r"\s+(?:de\s+l['’]\s*(?=[A-ZÀ-ÖØ-Þ])|(?:du|de\s+la|des)\s+(?=[A-ZÀ-ÖØ-Þ]))(?P<noun>[\w’'-]+)",
                  person.text)
    if m and person.text[:m.start()].count(" ") >= 1 and (m.group(0).lstrip().startswith("de l") or
                                                           FR_BODIES.match(m.group("noun"))):
        return Person(person.text[:m.start()], person.start, person.start + m.start(), None)
    return person


def _a_letter_apart(one: str, other: str) -> bool:
    """Whether two names with the same first word differ by one letter of a later word, changed, added or
    left out ("Miguel Nerva" and "Miguel Neiva", "Louis Garnir" and "Louis Garnier")."""
    if one.split()[:1] != other.split()[:1] or len(one.split()) < 2 or abs(len(one) - len(other)) > 1 or one == other:
        return False
    short, long = sorted((one, other), key=len)
    i = next((k for k, (a, b) in enumerate(zip(short, long)) if a != b), len(short))
    rest = short[i + 1:] if len(short) == len(long) else short[i:]
    return i > len(one.split()[0]) and rest == long[i + 1:]


def _earlier_fr(text, floor, people, bounds, sentences: int = 4, pronoun: str | None = None):
    """The last person named before ``floor``, in the few sentences before it (paragraphs included); for a
    ``pronoun`` ("il", "elle", "lui"), the last one whose gender, when the text tells it, agrees; or, when no
    such person is named in the paragraph, the body the sentence just before speaks of ("Le nouveau gouvernement
    s'est donné pour objectif … Il a cependant déclaré que « … »")."""
    gender = _PRONOUN_GENDER.get(pronoun) if pronoun else None
    i = bisect_right(bounds, floor) - 1
    start = bounds[max(i - sentences, 0)]
    paragraph = text.rfind("\n\n", 0, floor) + 2 if text.rfind("\n\n", 0, floor) >= 0 else 0
    current = _sentence(bounds, floor)[0]

    def fits(p):
        return gender is None or _gender(text, p, people) in (None, gender)

    def free(p):  # not the object of a preposition: "homonyme d'Arthur Mensch", "associé du cabinet Gide Loyrette",
        # nor in apposition to one: "avec son complice de toujours, Jean Dupont", nor coordinated with one: "entre
        # Bolt et Gatlin"
        return not _PREPOSITION_JUST_BEFORE.search(text[max(p.start - 20, 0):p.start]) and \
            not re.search(rf"\b(?:entre|avec|contre|chez|à|de|d['’])\s*{_NAME}(?:\s+{_NAME})?\s+(?:et|ou)\s+$",
                          text[max(p.start - 50, 0):p.start]) and \
            not _PREPOSITION_AND_NOUN_BEFORE.search(text[max(p.start - 40, 0):p.start]) and \
            not _APPOSED_TO_AN_OBJECT.search(text[max(p.start - 60, 0):p.start]) and \
            not _object_of_a_participle(text, p) and \
            not (pronoun in ("il", "elle") and _agent_of_a_noun_participle(text, p))  # (a noun's agent is no "il")

    if pronoun in ("il", "elle") and paragraph < current:
        # "Selon un ouvrier du chantier, des boulons … . « … » a-t-il déclaré": the unnamed source of the sentence
        # before, when no one is named since
        ps, pe = _sentence(bounds, current - 1)
        quiet = ps >= paragraph and "«" not in text[ps:pe] and not people.within(ps, floor)
        source = _source_of(text, ps, pe, people, bounds) if quiet else None  # the parse only when it can serve
        if source is not None and re.match(r"unnamed (?:un|une)\b", str(source[0][0]), re.I) and \
                _gender(text, Person(source[0][0], ps, pe, None), people) in (None, _PRONOUN_GENDER[pronoun]):
            return source
    if pronoun in ("il", "elle") and paragraph == current and paragraph > 2:
        # "La mère de Pascal Troadec a confirmé que … .⏎⏎« … », ajoute-t-elle": the unnamed source of the paragraph
        # before's last sentence, of the pronoun's gender, when that sentence names no one the pronoun could be
        ps, pe = _sentence(bounds, paragraph - 3)
        if not [p for p in people.within(ps, pe) if free(p) and fits(p)]:
            source = _source_of(text, ps, pe, people, bounds)
            if source is not None and source[0] and _unnamed_gender(str(source[0][0])) == gender:
                return source
    if pronoun in ("il", "elle"):
        # (a name after a preposition, "tué par le GIGN", "au nom de Daesh", is no one the pronoun stands for)
        if not [p for p in people.within(paragraph, floor) if free(p) and fits(p)]:
            # "« … », se défend le cabinet de M. Le Roux, tandis qu'il justifie que « … »": the body or role after
            # a verb of saying earlier in the same sentence, else the subject of the sentence before
            body = _inverted_body(text, current, floor, people, bounds, gender) or \
                _subject_before(text, floor, paragraph, people, bounds, gender)
            if body is not None:
                return body
    elif pronoun in ("ils", "elles") and not people.within(paragraph, floor):
        # "Selon les pompiers, le bâtiment … . Ils affirment avoir « … »": with no one named in the paragraph,
        # the source of the sentence before
        if current > paragraph:
            ps, pe = _sentence(bounds, current - 1)
            found = _source_of(text, ps, pe, people, bounds) if ps >= paragraph and "«" not in text[ps:pe] else None
            if found is not None and found[0]:
                return found

    near = [p for p in people.within(start, floor) if free(p)]
    anywhere = [p for p in people.within(0, floor) if free(p)]
    agreeing = [p for p in near if fits(p)] or [p for p in anywhere if fits(p)]
    # a pronoun of one gender does not stand for a person the text says is of the other ("elle" is not Pascal)
    earlier = agreeing or ([] if gender else near or anywhere)
    # "Vient ensuite le tour de Trump. … Il a ensuite prononcé son discours": with no one of its gender named in its
    # paragraph or the one before, the pronoun stands for the one person the title names, when one of the three
    # paragraphs before names that person too
    previous_paragraph = text.rfind("\n\n", 0, max(paragraph - 2, 0)) + 2 if paragraph > 2 else 0
    if gender and (not earlier or earlier[-1].start < previous_paragraph):
        topic = _title_person(text, paragraph, floor, people, gender)
        if topic is not None:
            return (topic.text, topic.entity), _sentence(bounds, topic.start)
    if not earlier:
        return None, None
    person = earlier[-1]
    return (person.text, person.entity), _sentence(bounds, person.start)


def _title_person(text, paragraph, floor, people, gender):
    """The one person the title (the first line) names, of ``gender`` by the given name of their fullest name,
    when one of the three paragraphs before ``paragraph`` names them again before ``floor``; else None (not "Boko
    Haram", nor "Obama et Romney")."""
    title = text.find("\n")
    # (a title: a short first line of its own, not a paragraph)
    if not 0 < title <= 200 or text[title:title + 2] != "\n\n" or re.search(r"[.!?]\s", text[:title]):
        return None
    named = people.within(0, title)
    if len({p.text for p in named}) != 1 or re.search(r"[A-ZÀ-ÖØ-Þ][\w-]*\s+et\s+[A-ZÀ-ÖØ-Þ]", text[:title]):
        return None
    topic = named[0]
    given = MALE_NAMES if gender == "m" else FEMALE_NAMES
    if not any(p.text.endswith(topic.text) and p.text.split()[0].split("-")[0].lower() in given for p in people.items):
        return None
    back = paragraph
    for _ in range(3):
        back = text.rfind("\n\n", 0, max(back - 2, 0)) + 2 if back > 2 else 0
    again = re.search(rf"(?<![\w-]){re.escape(topic.text)}(?![\w-])", text[max(back, title):floor])
    return topic if again else None


def _unnamed_gender(speaker: str) -> str | None:
    """The gender of an unnamed speaker's words by their article: "f", "m" or None.

    >>> _unnamed_gender("unnamed La mère de Pascal Troadec"), _unnamed_gender("unnamed des manifestants")
    ('f', None)
    """
    article = re.match(r"unnamed\s+(?:(?P<f>la|une|cette)|(?P<m>le|un|ce|cet))\s", speaker, re.I)
    return None if article is None else "f" if article.group("f") else "m"


def _inverted_body(text, start, end, people, bounds, gender):
    """The body or role of ``gender`` written after a verb of saying, inverted after a comma, in ``text[start:end]``
    (", a confirmé le ministère des affaires étrangères"): ((words, IRI), span), or None."""
    inverted = re.search(rf",\s*(?:{_FR_AUX}\s+)?(?:{_FR_SAYING})\s+(?P<det>le|la|l['’])\s*(?P<noun>[\w’'-]+)"
                         rf"(?:[^,;:.!?«»()]|(?<=\bM)\.)*", text[start:end], re.I)
    if inverted and (FR_BODIES.fullmatch(inverted.group("noun")) or FR_ROLES.fullmatch(inverted.group("noun"))) and \
            {"le": "m", "la": "f"}.get(inverted.group("det").lower(), gender) == gender:
        # (the phrase stops where one of place, time or topic begins: "le cabinet de M. Le Roux concernant l'aînée")
        phrase = _PLACE_TIME_OR_TOPIC.search(inverted.group(0))
        found = _agent(text, start + inverted.start("det"),
                       start + (inverted.start() + phrase.start() if phrase else inverted.end()), people, bounds)
        if found is not None and found[0]:
            return found
    return None


def _subject_before(text, floor, paragraph, people, bounds, gender):
    """The subject of the sentence before the one at ``floor`` in its paragraph when it is a singular noun
    phrase of ``gender`` ("Le nouveau gouvernement"): ((words, None), span), or None."""
    from .candidates import french_parser

    current = _sentence(bounds, floor)[0]
    if current <= paragraph:
        return None
    ps, pe = _sentence(bounds, current - 1)
    nlp = french_parser()
    if nlp is None or ps < paragraph or "«" in text[ps:pe]:
        return None
    # "Un Français a été enlevé, a confirmé le ministère des affaires étrangères. « … », a-t-il communiqué"
    found = _inverted_body(text, ps, pe, people, bounds, gender)
    if found is not None:
        return found
    # "L'avocate de Benoît Hamon précise … . « … », explique-t-elle": a role the sentence opens with, before its verb
    # of saying (the parse may take the name in the role's complement for the subject); a noun of one gender only
    opening = re.match(rf"\s*(?P<det>Le|La|L['’])\s*(?P<noun>[\w’'-]+)[^,;:.!?«»()]{{0,80}}?\s+"
                       rf"(?:{_FR_AUX}\s+)?(?:{_FR_SAYING})\b", text[ps:pe])
    if opening and FR_ROLES.fullmatch(opening.group("noun")):
        det, noun = opening.group("det"), opening.group("noun")
        said = {"Le": "m", "La": "f"}.get(det) or \
            ("f" if _FEMALE_WORD.match(noun) and not _MALE_WORD.match(noun) else
             "m" if _MALE_WORD.match(noun) and not _FEMALE_WORD.match(noun) else None)
        if said == gender:
            end = re.match(rf"[^,;:.!?«»()]*?(?=\s+(?:{_FR_AUX}\s+)?(?:{_FR_SAYING})\b)",
                           text[ps + opening.start("det"):pe])
            s, e = ps + opening.start("det"), ps + opening.start("det") + (end.end() if end else len(noun))
            found = _agent(text, s, e, people, bounds)
            if found is not None and found[0]:
                return found
    doc = nlp(text[ps:pe])
    roots = [t for t in doc if t.dep_ == "ROOT"]
    subjects = [c for c in roots[0].children if c.dep_ in ("nsubj", "nsubj:pass")] if roots else []
    if not subjects or subjects[0].pos_ != "NOUN" or not (FR_BODIES.match(subjects[0].text) or
                                                        FR_ROLES.match(subjects[0].text) or
                                                        FR_PEOPLE.match(subjects[0].text)):
        return None  # a body or a role ("le gouvernement", "le ministre"), not a thing ("le chantier")
    subject = subjects[0]
    if subject.morph.get("Number") != ["Sing"] or subject.morph.get("Gender") != [
            {"m": "Masc", "f": "Fem"}[gender]]:
        return None
    # "Le ministre de la Défense Antoni Macierewicz était présent": the name in apposition to the role
    named = [p for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN"
             for p in people.within(ps + c.idx, pe) if p.start == ps + c.idx]
    if named:
        return (named[0].text, named[0].entity), (ps, pe)
    words = [t for t in subject.subtree if t.i <= subject.i or t.dep_ == "amod"]
    if FR_BODIES.match(subject.text):  # "le ministère des finances": a body is named by its complement too
        tail = [t for t in subject.subtree if t.i > subject.i]
        stop = next((k for k, t in enumerate(tail) if t.pos_ in ("PUNCT", "VERB", "AUX", "PRON", "SCONJ")), len(tail))
        words = [t for t in subject.subtree if t.i <= subject.i] + tail[:stop]
    if not words or words[0].dep_ != "det" or words[0].lower_ not in ("le", "la", "l'", "l’"):
        return None
    s, e = ps + words[0].idx, ps + words[-1].idx + len(words[-1])
    found = _agent(text, s, e, people, bounds)
    if found is not None and found[0] and not str(found[0][0]).startswith("unnamed"):
        return found
    return ("unnamed " + text[s:e], None), (ps, pe)


#: the gender a pronoun asks of the person it stands for
_PRONOUN_GENDER = {"il": "m", "ils": "m", "lui": "m", "eux": "m", "elle": "f", "elles": "f"}
#: words of a noun phrase written next to a name that tell the person's gender ("sa fille", "ex-députée")
_FEMALE_WORD = re.compile(r"(?:fille|femme|mère|sœur|soeur|épouse|veuve|compagne|nièce|tante|grand-mère|"
                          r"dame|reine|princesse|\w+trice|\w+euse|\w+ée|\w+ienne|\w+ière|\w+esse|\w+ante|"
                          r"\w+ente|présidente|candidate|députée|avocate|ministre-?\w*e|patronne|"
                          r"ancienne|nouvelle|chancelière)$", re.I)
_MALE_WORD = re.compile(r"(?:fils|père|frère|époux|mari|compagnon|neveu|oncle|grand-père|homme|roi|prince|"
                        r"\w+teur|\w+eur|\w+ien|\w+ier|président|candidat|député|avocat|patron|"
                        r"ancien|nouveau|chancelier|sénateur|leader|chef)$", re.I)
_GENDERS: dict = {}


def _gender(text, person, people) -> str | None:
    """The gender of ``person`` when the text tells it: a title ("M.", "Mme"), a noun phrase written with the
    name ("sa fille, Marine Le Pen", "Nadine Morano, ex-députée", "la présidente X"), else the first name."""
    key = (hash(text), len(text), person.text)
    if key in _GENDERS:
        return _GENDERS[key]
    votes = {"m": 0, "f": 0}
    name = person.text
    title = re.match(r"(?P<m>M\.|Monsieur)\s|(?P<f>Mmes?\.?|Madame|Mlle\.?)\s", name)
    if title:
        votes["m" if title.group("m") else "f"] += 3
    others = [p for p in people.items if p.text == name]
    for p in others or [person]:
        before = text[max(p.start - 70, 0):p.start]
        title = re.search(r"(?:^|[\s(])(?:(?P<m>M\.|Monsieur)|(?P<f>Mmes?\.?|Madame|Mlle\.?))\s*$", before)
        if title:
            votes["m" if title.group("m") else "f"] += 3
        # (the article in either case, "L'animateur X"; not a noun that is a preposition's object: "face à la fronde
        # de la rédaction de la chaîne, X")
        np = re.search(r"(?:^|[\s(,])(?<!\bde\s)(?<!\bà\s)(?<!\bpar\s)(?<!\bsur\s)(?<!\bavec\s)(?<!\bdans\s)"
                       r"(?<!\bpour\s)(?P<det>(?i:le|la|un|une|sa|son|ce|cet|cette|du|au)\b|(?i:l)['’])\s*"
                       r"(?P<words>(?:(?!(?:de|du|des|d|à|au|aux|en|pour|par|sur|dans|avec|et|ou|qui|que|a|est|"
                       r"sont|comme)\b)[a-zà-ÿ’'-]+\s+){0,2}(?!(?:de|du|des|à|au|aux|en|pour|par|sur|dans|avec|et|"
                       r"ou|qui|que|a|est|sont|comme)\b)[a-zà-ÿ’'-]+),?\s+$", before)
        if np:
            det = np.group("det").lower()
            if det in ("la", "une", "sa", "cette"):
                votes["f"] += 2
            elif det in ("le", "un", "ce", "cet", "du", "au"):
                votes["m"] += 2
            else:
                for w in np.group("words").split():
                    if _FEMALE_WORD.match(w):
                        votes["f"] += 1
                    elif _MALE_WORD.match(w):
                        votes["m"] += 1
        after = re.match(r"\s*,\s*(?:(?P<det>(?:le|la|un|une)\b|l['’])\s*)?(?P<w>[a-zà-ÿ’'-]+)", text[p.end:p.end + 60])
        if after:
            det = (after.group("det") or "").lower()
            if det in ("la", "une"):
                votes["f"] += 2
            elif det in ("le", "un"):
                votes["m"] += 2
            elif _FEMALE_WORD.match(after.group("w")):
                votes["f"] += 1
            elif _MALE_WORD.match(after.group("w")):
                votes["m"] += 1
    # the first name weighs as a title-less noun phrase does: "la fille de François Fillon, entrée à l'école" does
    # not make him a woman
    # (a name of one word is a first name when the text writes no longer name ending with it: "Mohammed", not the
    # "Simon" of "Claude Simon")
    first = re.sub(r"^(?:M\.|Mmes?\.?|Mlle\.?|Monsieur|Madame)\s+", "", name).split()
    alone = len(first) == 1 and not _last_of_a_longer_name(name, people)
    first = first[0].split("-")[0].lower() if len(first) >= 2 or alone else ""
    if first in FEMALE_NAMES:
        votes["f"] += 2
    elif first in MALE_NAMES:
        votes["m"] += 2
    gender = "m" if votes["m"] > votes["f"] else "f" if votes["f"] > votes["m"] else None
    _GENDERS[key] = gender
    return gender


def _last_of_a_longer_name(name: str, people) -> bool:
    """Whether the text also names someone by a longer name that ends with ``name`` ("Garnier" in "Paul Garnier")."""
    return any(p.text.endswith(" " + name) for p in people.items)


#: where a phrase of place, time, means or topic begins after a speaker's noun phrase ("dit la Ville dans un
#: communiqué", "a répondu le ministre en marge d'un déplacement", "le cabinet de M. Le Roux concernant l'aînée")
_PLACE_TIME_OR_TOPIC = re.compile(r"\s+(?:dans|sur|lors|devant|pendant|depuis|via|au\s+cours|concernant|en\s+marge)\b")
#: a body's noun and "de" before a name: the name is the body's owner, not who speaks ("se défend le cabinet de
#: M. Le Roux")
_OWNER_OF_A_BODY = re.compile(rf"\b(?P<noun>[\w-]+)\s+(?:de|du|d['’])\s*(?:{_TITLE})?(?:[\w’'-]+\s+)?$")


#: a verb of saying in a relative clause on a noun ("les positions qu'il défendait, …"): its object is that noun, so
#: it says none of the words in « » after the clause has ended (not "tandis qu'il justifie", "estime qu'il dit", nor
#: "le système qu'il considère comme « politisé »", inside the clause)
_IN_A_RELATIVE_CLAUSE = re.compile(
    rf"\b(?!(?:tandis|alors|lors|dès|pendant|parce|bien|ainsi|afin|pour|sans|avant|après|même|si|tant|sorte|ce|"
    rf"puisque|jusqu|sauf|selon|{_FR_SAYING})\b)[a-zà-ÿ]{{3,}}\s+qu['’]\s*(?:il|elle|ils|elles|on)\s+"
    rf"(?:(?:ne|n['’])\s*)?(?:{_FR_AUX}\s+)?$", re.I)


def _subject_after(text, start, end, people, bounds):
    """The subject written after an inverted reporting verb ("a déclaré à l'AFP Jean-Philippe Magnen",
    "indique le quotidien", "juge le ministère de l'Intérieur")."""
    skipped = _LEADING_PHRASES.match(text, start, end)
    at = skipped.end() if skipped else start
    named = [p for p in people.within(start, end) if p.start >= at and p.start - at <= 40 and
             not _PREPOSITION_JUST_BEFORE.search(text[max(p.start - 20, at):p.start]) and
             not ((owner := _OWNER_OF_A_BODY.search(text[at:p.start])) and FR_BODIES.fullmatch(owner.group("noun")))]
    if named:
        return named[0].text, named[0].entity
    np = re.match(r"(?:[^,.;:!?«»()]|(?<=\bM)\.|(?<=\bMM)\.){1,90}", text[at:end])  # "de M. Le Roux"
    if not np:
        return None
    # "a déclaré une représentante du comité d'investigation, Oksana Kovrijnaïa": the name after the role
    head = _DETERMINER.sub("", np.group(0)).split()[:1]
    if head and FR_ROLES.match(head[0]):
        apposed = [p for p in people.within(at + np.end(), end)
                   if re.fullmatch(r"\s*,\s*", text[at + np.end():p.start])]
        if apposed:
            return apposed[0].text, apposed[0].entity
    # "dit la Ville dans un communiqué": the subject ends where a phrase of place, time or means begins
    phrase = _PLACE_TIME_OR_TOPIC.search(np.group(0))
    found = _agent(text, at, at + (phrase.start() if phrase else np.end()), people, bounds)
    return found[0] if found else None


def _one_of_a_group(text, start, lead) -> str | None:
    """The words for one or some of a people or a movement when the phrase ``lead``, starting at ``start``, is a
    capitalised noun after an indefinite article, which the parse may leave out of the phrase ("maugrée un Gilet
    jaune", "des Camerounais … scandent", "des Gilets jaunes ont … en criant « … »"); else None: the text names no
    one of them.

    >>> _one_of_a_group("« Assez », maugrée un Gilet jaune", 22, "Gilet jaune")
    'un Gilet jaune'
    >>> _one_of_a_group("Des Camerounais, à Paris, scandent", 0, "Des Camerounais, à Paris")
    'Des Camerounais'
    >>> _one_of_a_group("Le Figaro écrit", 0, "Le Figaro") is None
    True
    """
    before = re.search(rf"(?<![\w’'])(?:{_INDEFINITE})\s+$", text[max(0, start - 20):start], re.I)
    article = re.match(rf"(?:{_INDEFINITE})\s+", lead, re.I)
    words = lead.split(",")[0].strip()
    if before and lead[:1].isupper():
        return before.group(0).lower() + words
    if article and lead[article.end():article.end() + 1].isupper():
        return words
    return None


def _agent(text, start, end, people, bounds):
    """((words, IRI), span) for the noun phrase ``text[start:end]`` when it names someone: a person, a name
    ("Febelfin", "Bruxelles"), a pronoun for the last person named, a role or body named earlier ("le quotidien"
    for "le quotidien français Le Figaro"); else None."""
    np = text[start:end]
    lead = np.lstrip()
    # "Mais le premier ministre": a sentence's opening conjunction or adverb is not part of its subject
    opening = re.match(r"(\w+)\s*,?\s+(?=\w)", lead)
    if opening and opening.group(1) in _SENTENCE_ADVERBS:
        lead = lead[opening.end():]
    # "selon ce qu'a confié Rodrigue": who said it comes after the verb
    said = re.match(rf"ce\s+qu['’]\s*(?:{_FR_AUX}\s+)?(?:{_FR_SAYING})\s+(?=\S)", lead, re.I)
    if said:
        lead = lead[said.end():]
    start += len(np) - len(lead)
    member = _one_of_a_group(text, start, lead)
    if member:
        return ("unnamed " + member, None), _sentence(bounds, start)
    # not the object of a preposition, nor a name in brackets ("(communautés hutu et Tutsi)")
    # (nor the agent of a participle in an aside after the head: "le Conseil, présidé par Laurent Fabius"; but "les
    # précisions apportées par François Molins" are his)
    named = [p for p in people.within(start, end) if not _object_of_preposition(text, start, p) and
             not _PREPOSITION_JUST_BEFORE.search(text[max(start, p.start - 20):p.start]) and
             not ("," in text[start:p.start] and _agent_of_a_noun_participle(text, p)) and
             text.count("(", start, p.start) <= text.count(")", start, p.start)]
    if named:
        return (named[0].text, named[0].entity), _sentence(bounds, start)
    # "préférait rectifier l'intéressé": the person the text is about, named a few sentences before
    if re.match(r"l['’]\s*intéressée?\b", lead, re.I):
        found = _earlier_fr(text, start, people, bounds, sentences=6)
        return found if found[0] is not None else None
    # "L'un des militants présents à Berlin", "certains des manifestants": one or some of a group the text does not
    # name one by one
    if re.match(r"(?:l['’]\s*)?(?:un|une)\s+(?:des|d['’]\s*(?:eux|elles|entre))\b|"
                r"(?:certaine?s|plusieurs|beaucoup|la\s+plupart)\s+(?:des|d['’]\s*(?:eux|elles|entre))\b", lead, re.I):
        return ("unnamed " + lead.strip(), None), _sentence(bounds, start)
    # "Ce dernier, accusant Soros …, a affirmé": the last person named before, of that gender
    latter = re.match(r"(?:ce|cette)\s+derni(?P<g>er|ère)\b", lead, re.I)
    if latter:
        # the last one named of that gender, even as the object of a preposition ("prêté par une connaissance,
        # Mohammed. Ce dernier …")
        pronoun = "il" if latter.group("g") == "er" else "elle"
        named = [p for p in people.within(_sentence(bounds, max(_sentence(bounds, start)[0] - 1, 0))[0], start)
                 if _gender(text, p, people) in (None, _PRONOUN_GENDER[pronoun])]
        if named:
            return (named[-1].text, named[-1].entity), _sentence(bounds, named[-1].start)
        found = _earlier_fr(text, start, people, bounds, pronoun=pronoun)
        return found if found[0] is not None else None
    pronoun = re.match(r"(?:lui|elle|eux|il|ils|elles)\b", lead, re.I)
    if pronoun:
        found = _earlier_fr(text, start, people, bounds, pronoun=pronoun.group(0).lower())
        return found if found[0] is not None else None
    if re.match(r"(?:on|ce|cela|ça|nous|vous|je|moi|tout|chacun|aucune?|nul|nulle|personne|rien)\b", lead, re.I):
        return None
    det = _DETERMINER.match(lead)
    rest = lead[det.end():] if det else lead
    span = _sentence(bounds, start)
    if not det:
        # "M. Houdré", "M.Houdré", "Mme Marois": the name without its title
        rest = re.sub(rf"^{_TITLE}(?=[A-ZÀ-ÖØ-Þ])", "", rest)
        name = NAME_CHAIN.match(rest)
        if name is None or _DETERMINER.fullmatch(name.group(0) + " ") or _NOT_A_NAME.match(rest):
            return None
        return (name.group(0), None), span
    # the noun after the adjectives that go before it ("le Haut Commissaire", "l'ancien ministre")
    head = re.match(r"(?:(?i:haut|haute|ancien|ancienne|nouveau|nouvel|nouvelle|grand|grande|jeune|principal|"
                    r"principale|futur|future|actuel|actuelle|célèbre|vieux|vieil|vieille)\s+)?[\w’'-]+", rest)
    if not head:
        return None
    noun = head.group(0).split()[-1]
    after_head = rest[head.end():]
    apposed = re.match(rf"(?:\s+{_ADJECTIVE}){{0,2}}?,?\s+({NAME_CHAIN.pattern})", after_head)
    # "L'ancien candidat à la primaire de la droite Alain Juppé", "Le ministre de la justice Jean-Jacques Urvoas, à
    # l'origine de la proposition,": a name written after a role's phrase, right after a noun that is not itself a
    # role (not "la femme du président Jacques Chirac"), holds the role
    if FR_ROLES.match(noun):
        # "Le président de la Commission européenne, Jean-Claude Juncker, a déclaré": the name in apposition after
        # the role's phrase, which the recogniser missed
        apposition = re.match(rf"\s*,\s*({NAME_CHAIN.pattern})\s*,", text[end:end + 80])
        if apposition and len(apposition.group(1).split()) >= 2 and \
                apposition.group(1).split()[0].split("-")[0].lower() in FIRST_NAMES:
            return (apposition.group(1), None), span
        # "Le président de la Banque centrale européenne Draghi": a name closing the role's phrase after a word in
        # lower case that is not a preposition or an article (the parse may leave the name out of the phrase)
        cut = re.match(r"\s+[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+){0,2}(?=\s+[a-zà-ÿ])", text[end:end + 60])
        closing = re.search(r"(?<![\w’'])(?!(?:des|aux|les|par|pour|sur|and|the)\s)[a-zà-ÿ-]{3,}"
                            r"\s+([A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+){0,2})\s*$",
                            np.rstrip() + (cut.group(0) if cut and not np[-1:].isspace() else ""))
        if closing and closing.group(1) not in _SENTENCE_ADVERBS:
            return (closing.group(1), None), span
        holder = [p for p in people.within(start, end) if re.match(r"\s*(?:,|$)", text[p.end:end]) and
                  (word := re.search(r"(?<![\w’'])([a-zà-ÿ-]{3,})\s+$", text[start:p.start])) and
                  not re.fullmatch(r"des|aux|pour|avec|chez|contre|sur|entre|par", word.group(1)) and
                  (word.start(1) == 0 or not FR_ROLES.fullmatch(word.group(1)))]
        if holder:
            return (holder[0].text, holder[0].entity), span
    if FR_DOCUMENTS.match(noun):
        # "un communiqué de presse de Amaq": the kind of document is no author
        kind = re.match(r"\s+de\s+presse\b", after_head)
        if kind:
            after_head = after_head[kind.end():]
        # "le communiqué rédigé par les organisateurs", "les renseignements confiés par une source": the author the
        # participle names
        by = re.match(r"(?:\s+{_ADJECTIVE})?\s+(?:rédigée?s?|publiée?s?|signée?s?|diffusée?s?|écrite?s?|confiée?s?|"
                      r"fournie?s?|transmise?s?|livrée?s?)\s+par\s+(?=\S)"
                      .format(_ADJECTIVE=_ADJECTIVE), after_head)
        if by:
            return _agent(text, start + (len(lead) - len(after_head)) + by.end(), end, people, bounds)
        of = re.match(r"\s+(?:de|du|des|d['’])\s*(?=\S)", after_head)
        if of:
            inner = start + (len(lead) - len(after_head)) + of.end()
            if after_head[of.start():of.end()].strip().startswith("du"):  # "du ministère de l'Intérieur"
                return _named_body(text, inner, end, people, bounds)
            return _agent(text, inner, end, people, bounds)  # "de la fédération", "de Human Rights Watch"
        # "ajoute le documentaire" after "Le documentaire d'Al Jazeera": the author written with it before
        if det and det.group("def"):
            authors = list(re.finditer(rf"\b(?i:{re.escape(noun)})\s+(?:de|du|d['’])\s*({NAME_CHAIN.pattern})",
                                       text[:start]))
            if authors:
                return (authors[-1].group(1), None), span
        if det and det.group("indef"):  # "annonce un communiqué présidentiel": an author the text does not name
            return ("unnamed " + lead.strip(), None), span
        return None
    if apposed and (FR_ROLES.match(noun) or FR_BODIES.match(noun)):
        return (apposed.group(1), None), span
    # "Romain Degeer , un pilote belge présent sur les lieux": an indefinite apposition to the name before it
    if det.group("indef") and (FR_ROLES.match(noun) or FR_PEOPLE.match(noun)):
        named = [p for p in people.within(max(start - 60, 0), start) if re.fullmatch(r"\s*,\s*", text[p.end:start])]
        if named:
            return (named[-1].text, named[-1].entity), span
    if det.group("def") and (FR_ROLES.match(noun) or FR_BODIES.match(noun)):
        window = text[max(start - 60, 0):start]
        comma = re.search(rf"({NAME_CHAIN.pattern}),\s*$", window)
        # "Barroso, le président de la commission européenne" (not "En Loir-et-Cher, le préfet": a place)
        if comma and comma.group(1).split()[0] not in _SENTENCE_ADVERBS and \
                not re.search(r"(?<![\w’'])(?:en|à|au|aux|dans|sur|vers)\s+$", window[:comma.start(1)], re.I):
            named = [p for p in people.within(start - 60, start)]
            return ((named[-1].text, named[-1].entity) if named else (comma.group(1), None)), span
        # "Le ministre iranien des Transports rappelle" after "Abbas Akhoundi , le ministre iranien des
        # Transports, a annoncé": the name the same role, words for words, was written after
        phrase = rest.split(",")[0].strip()
        if len(phrase.split()) >= 2:
            same = [m for m in re.finditer(rf"({NAME_CHAIN.pattern})\s*,\s*(?i:le|la|l['’])\s*{re.escape(phrase)}\b",
                                           text[:start])
                    if m.group(1) not in _SENTENCE_ADVERBS]
            if same:
                # the whole name the recogniser found there ("Haïder al-Abadi", where the chain reads "Abadi")
                named = [p for p in people.items if p.start <= same[-1].start(1) < p.end and p.end >= same[-1].end(1)]
                return ((named[-1].text, named[-1].entity) if named else (same[-1].group(1), None)), span
        earlier = _apposition_before(text, noun, start, after_head)
        if earlier:
            return (earlier, None), span
    if noun[:1].isupper() and not FR_ROLES.match(noun) and not FR_BODIES.match(noun):  # "la Ligue arabe"
        return (rest.split(",")[0].strip(), None), span  # not "l'IGPN, publiée le 27 juillet"
    # "l'aéroport José María Cordova de Rionegro", "le lycée Victor Hugo": a place or an institution named after
    # the word for its kind
    if det.group("def") and re.match(r"\s+[A-ZÀ-ÖØ-Þ]", after_head) and re.fullmatch(r"[a-zà-ÿ-]{3,}", noun) and \
            not (FR_ROLES.match(noun) or FR_BODIES.match(noun) or FR_PEOPLE.match(noun) or FR_DOCUMENTS.match(noun)):
        return (rest.split(",")[0].strip(), None), span
    # "selon cette source", "la source a précisé", "selon la source proche de l'enquête": a source the text does
    # not name
    if re.fullmatch(r"sources?", noun, re.I) and (not after_head.strip() or re.match(
            r"\s+(?:proches?|policières?|judiciaires?|gouvernementales?|diplomatiques?|sécuritaires?|officielles?|"
            r"militaires?|anonymes?|bien\s+informées?)\b", after_head)):
        return ("unnamed " + lead.strip(), None), span
    if det.group("indef"):
        unnamed = _unnamed(lead)
        return ((unnamed or "unnamed " + lead.strip()), None), span
    if FR_ROLES.match(noun):
        earlier = _apposition_before(text, noun, start, after_head)
        if earlier:
            return (earlier, None), span
        if noun.lower().startswith("porte-parole"):
            return ("unnamed spokesperson", None), span
        found = _earlier_fr(text, start, people, bounds)
        if found[0] is not None and not _written_with(text, found[0][0], noun, people, start,
                                                      also=_same_role(rest)):
            # the last person named was never given this role: the one the next sentence names first, or else
            # someone the text does not name
            return _named_next(text, start, end, people, bounds, first=True) or \
                _holder_named_later(text, rest, end, people, span) or \
                _subject_named_later(text, det, end, people, bounds, span) or (("unnamed " + lead.strip(), None), span)
        if found[0] is None:  # "Le ministre du Redressement productif a déclaré … Arnaud Montebourg reconnaît"
            found = _named_next(text, start, end, people, bounds) or found
        # a role no one named in the text holds: someone the text does not name
        return found if found[0] else \
            _holder_named_later(text, rest, end, people, span) or \
            _subject_named_later(text, det, end, people, bounds, span) or (("unnamed " + lead.strip(), None), span)
    if FR_BODIES.match(noun):
        earlier = _apposition_before(text, noun, start, after_head)
        if earlier:
            return (earlier, None), span
        # "le ministère des affaires étrangères": a ministry is named by what it is the ministry of
        ministry = re.match(r"ministère\s+(?:de\s+la\s+|de\s+l['’]\s*|des\s+|du\s+|de\s+|d['’]\s*)"
                            r"(?!(?:sans|pour|dans|qui|que|avec)\b)[\w’'-]+"
                            r"(?:\s+(?!(?:sans|pour|dans|qui|que|avec|a|ont|est|et|en|de|du|des|le|la|les)\b)"
                            r"[a-zà-ÿ][\w’'-]*)?", rest, re.I)
        if ministry:
            return (ministry.group(0), None), span
        body = re.match(rf"[\w’'-]+(?:\s+(?:de|du|des|d['’]|de\s+la|de\s+l['’])\s*(?:{_TITLE})?[A-ZÀ-ÖØ-Þ][\w’'-]*"
                        r"(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]*)*)+", rest)
        if body:
            # "L'administration de Poutine": a body described by the person it belongs to, not named; a person by
            # a given name or a name the text also writes in full ("la police de Fort Myers" is a place's)
            of = start + len(lead) - len(rest) + body.end()
            owners = [p for p in people.items if p.start < of <= p.end]
            if owners and (owners[0].text.split()[0].lower() in FIRST_NAMES or
                           _last_of_a_longer_name(owners[0].text, people)):
                return ("unnamed " + lead.strip(), None), span
            return (body.group(0), None), span
        # "L'armée affirme" after "L'armée égyptienne annonce": the same body, named by its nationality or the
        # adjective of its reach ("la coalition internationale", "le Conseil constitutionnel"; an adjective's ending,
        # not a verb's: "l'armée tire"), not "les autorités", several bodies the text does not name
        if not after_head.split(",")[0].strip() and not re.search(r"[sx]$", noun):  # (an aside after it aside)
            same = list(re.finditer(rf"\b(?i:{re.escape(noun)})\s+(?!(?:{NATIONALITY_ADJECTIVE})\b)"
                                    rf"([a-zà-ÿ]+(?:ales?|aux|elles?|els?|aires?))\b", text[:start])) \
                if noun[:1].isupper() else []
            same = same or list(re.finditer(rf"\b(?i:{re.escape(noun)})\s+({NATIONALITY_ADJECTIVE}|"
                                            rf"[a-zà-ÿ]+(?:ales?|aux|elles?|els?|aires?))\b", text[:start]))
            if same:
                return (f"{noun} {same[-1].group(1)}", None), span
        if noun[:1].isupper():
            return (rest.split(",")[0].strip(), None), span
        # "l'organisation" after "L'ONG Human Rights Watch": the body last named with its kind
        named = [m.group(1) for m in re.finditer(rf"\b{FR_BODIES.pattern[:-1]}(?:\s+{_ADJECTIVE}){{0,2}}?,?\s+"
                                                 rf"({NAME_CHAIN.pattern})", text[:start])
                 if m.group(1)[:1].isupper() and not m.group(1).split()[0].lower() in ("de", "du", "des")]
        if named:
            return (named[-1], None), span
        earlier = _body_of_kind(text, noun, after_head, start)
        if earlier:
            return (earlier, None), span
        # "Selon Greenpeace, « … ». « … », fustige encore l'association": the body the sentence before, in the
        # same paragraph, gives as its source, when the noun is alone
        i = bisect_right(bounds, span[0] - 1) - 1
        ps, pe = (bounds[i], span[0]) if i >= 0 else (0, 0)
        if det.group("def") and not re.search(r"[sx]$", noun) and not after_head.strip(" ,.") and pe > ps and \
                "\n\n" not in text[ps:pe].strip():
            source = _source_of(text, ps, pe, people, bounds)
            if source is not None and source[0] and not source[0][0].startswith("unnamed") and \
                    source[0][0].split()[0].split("-")[0].lower() not in FIRST_NAMES:
                return source
        return ("unnamed " + lead.strip(), None), span
    if FR_PEOPLE.match(noun) and re.match(rf"(?:\s+{_ADJECTIVE})?\s*(?:$|,|(?:de|du|des|à|au|aux)\b|d['’])", after_head):
        # "résume l'universitaire": a noun alone for the person just named; "Les analystes du groupe …
        # estiment": people the text does not name, unless it gave one of them that noun before
        earlier = _apposition_before(text, noun, start, after_head)
        if earlier:
            return (earlier, None), span
        # "Sa famille annonce", "Son agent a indiqué": someone of the person's circle, not the person
        found = (None, None) if re.match(r"\s*(?:son|sa|ses|leurs?)\b", lead, re.I) else \
            _earlier_fr(text, start, people, bounds)
        alone = bool(re.fullmatch(rf"(?:\s+{_ADJECTIVE})?[\s,]*", after_head)) and not re.search(r"[sx]$", noun)
        if found[0] is not None and (alone and not _known_as_other(text, found[0][0], noun, people, start) or
                                     _written_with(text, found[0][0], noun, people, start)):
            return found
        if not re.search(r"[sx]$", noun):
            found = _named_next(text, start, end, people, bounds, first=True)
            if found is not None:
                return found
        return ("unnamed " + lead.strip(), None), span
    return None


def _named_next(text, start, end, people, bounds, first=False):
    """The person a role at ``text[start:end]`` stands for when the text names them just after: the subject the
    next sentence opens with ("Le ministre du Redressement productif a déclaré … . Arnaud Montebourg reconnaît";
    not "l'abandon de l'homme d'affaire X" nor "Le dernier repreneur, X, …"), or one later in the role's own
    sentence; with ``first``, only a person named there for the first time ("La gardienne de l'équipe a
    qualifié … . Hope Solo, poursuivant sa déclaration, …"). ((words, IRI), span) or None."""
    this_end = _sentence(bounds, end)[1]
    later = [p for p in people.within(end, _sentence(bounds, this_end)[1])
             if not _object_of_preposition(text, end, p) and (
                 p.start < this_end or re.fullmatch(r"[\s–—-]*(?:\w+\s*,?\s*)?", text[this_end:p.start]))]
    if first:
        later = [p for p in later if p.start >= this_end and
                 not [q for q in people.within(0, start) if q.text == p.text]]
    return ((later[0].text, later[0].entity), _sentence(bounds, start)) if later else None


def _subject_named_later(text, det, after, people, bounds, span):
    """The person of the role's gender (its article ``det``) whose name, written for the first time, opens a later
    sentence of the role's paragraph ("La candidate du Front national voudrait … . … Marine Le Pen aimerait
    également …"): ((words, IRI), ``span``) or None."""
    gender = {"le": "m", "la": "f"}.get(det.group(0).strip().lower())
    if gender is None:
        return None
    paragraph_end = text.find("\n\n", after)
    for p in people.within(after, paragraph_end if paragraph_end >= 0 else len(text)):
        opens = not text[_sentence(bounds, p.start)[0]:p.start].strip(" –—-")
        if opens and not [q for q in people.within(0, after) if q.text == p.text] and \
                _gender(text, p, people) == gender:
            return (p.text, p.entity), span
    return None


def _holder_named_later(text, phrase, after, people, span):
    """The person the text names later with the role's phrase ``phrase`` of two words or more written just before
    their name ("le Premier ministre affirme … . Vers 20 h, le Premier ministre Édouard Philippe propose"):
    ((words, IRI), ``span``) or None."""
    words = phrase.split(",")[0].strip()
    if len(words.split()) < 2:
        return None  # "le ministre" alone may be any minister
    role = re.compile(rf"\b(?:le|la|l['’])\s*{re.escape(words)}\s*,?\s*$", re.I)
    holder = next((p for p in people.items if p.start >= after and role.search(text, max(p.start - 80, 0), p.start)),
                  None)
    return ((holder.text, holder.entity), span) if holder else None


def _role_stem(noun: str) -> str:
    """A role noun folded and cut before its endings, so that "ministre" and "ministres", "député" and "députée"
    meet: ``_role_stem("présidente") == "presiden"``."""
    return _fold_accents(noun)[:max(len(noun) - 2, 4)]


def _written_with(text, name, noun, people, floor, also=()) -> bool:
    """Whether some mention of ``name`` before ``floor`` is written with the role ``noun`` (or one of the words
    ``also`` of the same role) near it, in its sentence ("le ministre Arnaud Montebourg", "Arnaud Montebourg,
    ministre du Redressement productif")."""
    stems = [_role_stem(noun), *also]
    for p in people.items:
        if p.text == name and p.start < floor:
            before = re.split(r"[.!?]\s", text[max(p.start - 60, 0):p.start])[-1]
            after = re.split(r"[.!?](?:\s|$)", text[p.end:min(p.end + 60, floor)])[0]
            # (not a noun another noun's complement after the name: "X, l'avocat de la mère de …" is no mother)
            after = re.sub(r"\b(?:de\s+la|de\s+l['’]|du|des|d['’])\s*[\w-]+", " ", after, flags=re.I)
            near = _fold_accents(before + " " + after)
            if any(stem in near for stem in stems):
                return True
    return False


def _known_as_other(text, name, noun, people, floor) -> bool:
    """Whether the text gave ``name``, before ``floor``, another role or noun for people than ``noun`` in
    apposition ("Michelle Bachelet , la présidente" when "la donatrice" speaks): then the noun is someone else."""
    stem = _role_stem(noun)
    for p in people.items:
        if p.text == name and p.start < floor:
            given = re.match(r"\s*,\s*(?:le|la|l['’])\s*([\w’'-]+)", text[p.end:p.end + 40]) or \
                re.search(r"\b(?:le|la|l['’])\s*([\w’'-]+)\s+$", text[max(p.start - 40, 0):p.start])
            if given and (FR_ROLES.fullmatch(given.group(1)) or FR_PEOPLE.fullmatch(given.group(1))) and \
                    not _fold_accents(given.group(1)).startswith(stem):
                return True
    return False


#: roles a text may name two ways: the head of state is the president, the head of government the prime minister,
#: the PDG the president, the leader either
_SAME_ROLES = ((re.compile(r"chef\s+de\s+l['’]\s*etat\b"), ("presid",)),
               (re.compile(r"chef\s+du\s+gouvernement\b"), ("premier ministre", "premiere ministre")),
               (re.compile(r"chef\s+de\s+la\s+diplomatie\b"), ("ministre des affaires etrangeres",)),
               (re.compile(r"\bpdg\b"), ("presid", "directeur general")),
               # "Le dirigeant américain" after "Donald Trump, le président des États-Unis": a head of state or of
               # government
               (re.compile(r"^\s*(?:dirigeante?|leader)\b"), ("presid", "premier ministre", "premiere ministre",
                                                              "chancel", "roi ", "reine ")))


def _same_role(phrase: str) -> tuple[str, ...]:
    """The other words (folded) for the role that ``phrase`` names ("chef du gouvernement" -> "premier
    ministre"), or ()."""
    folded = _fold_accents(phrase)
    return next((words for pattern, words in _SAME_ROLES if pattern.search(folded)), ())


def _antecedent(text, floor, at, people, bounds):
    """The speaker a relative pronoun at ``at`` stands for: the person or noun phrase just before it
    ("Jean Dupont, qui affirme « … »", "l'organisation islamique, qui affirme « … »"), or None."""
    before = text[floor:at]
    rest = before.rstrip().rstrip(",").rstrip()
    rest = re.sub(r"\s*\(\s*[^()]{1,20}\)$", "", rest)  # "Anne Roy ( LR ), qui": a party in brackets
    last = [p for p in people.within(floor, floor + len(rest)) if p.end == floor + len(rest)]
    # "Paul Morel ( PS ) et Anne Roy ( LR ), qui craignent": a verb in the plural after names coordinated, the
    # first of them
    verb = re.match(r"\w+\s+(?:(?:ne|n['’]|se|s['’])\s*)?(\w+)", text[at:at + 40])
    while last and verb and verb.group(1).endswith("ent"):
        first = [p for p in people.within(floor, last[-1].start)
                 if re.fullmatch(r"\s*(?:\(\s*[^()]{1,20}\)\s*)?(?:,\s*|\s+et\s+)", text[p.end:last[-1].start])]
        if not first:
            break
        last = first[-1:]
    if last and _PREPOSITION_AND_NOUN_BEFORE.search(text[max(last[-1].start - 30, 0):last[-1].start]):
        # "Brian Teefey, beau-père de la chanteuse Selena Gomez, qui …": the name is a noun's complement in an
        # apposition; the relative clause is about the one the apposition describes
        head = [p for p in people.within(floor, last[-1].start)
                if re.fullmatch(r"\s*,[^,;:.!?«»()]{1,80}", text[p.end:last[-1].start])]
        if head:
            return (head[-1].text, head[-1].entity), _sentence(bounds, head[-1].start)
    # "levée par Météo-France, qui déclare": the object of a preposition other than "de" can be the antecedent
    named = [p for p in last if not re.search(r"(?:\b(?:de|du|des)\s+|\bd['’])$", text[max(p.start - 20, 0):p.start])]
    if named:
        return (named[-1].text, named[-1].entity), _sentence(bounds, named[-1].start)
    # "Paul Renard, le chef de mission de l'ONG pour le Yémen qui considère": the person a role's phrase is in
    # apposition to, however long the phrase
    for p in reversed(people.within(floor, floor + len(rest))):
        role = re.fullmatch(r"\s*,\s*(?:le|la|l['’])\s*([\w’'-]+)(?:\s+([\w’'-]+))?[^,;:.!?«»()]*",
                            text[p.end:floor + len(rest)])
        if role and any(w and FR_ROLES.fullmatch(w) for w in role.groups()):
            return (p.text, p.entity), _sentence(bounds, p.start)
    name = re.search(rf"(?<![\w’'-])({NAME_CHAIN.pattern})$", rest)  # a body: "par Météo-France, qui"
    if name and name.group(1).split()[0] not in _SENTENCE_ADVERBS and \
            not re.search(r"(?:\b(?:de|du|des)\s+|\bd['’]\s*)$", rest[:name.start(1)]):
        return (name.group(1), None), _sentence(bounds, floor + name.start(1))
    np = re.search(r"(?:^|(?<=\s)|(?<=['’]))((?:(?:le|la|les|un|une|ce|cette)\s+|l['’]\s*)[\w’'-]+"
                   r"(?:\s+(?:[a-zà-ÿ’'-]+|[A-ZÀ-ÖØ-Þ][\w’'-]*)){0,3})$", rest, re.I)
    # "par un militant opposé à la loi travail qui a crié", "par sa famille qui a communiqué": the nearest noun
    # phrase whose head is someone and not another noun's complement ("le président de la commission qui"), with
    # its complements; else the last few words
    np_start = next((floor + det.start() for det in reversed(list(re.finditer(
        r"(?:^|(?<=\s)|(?<=['’]))(?:(?:le|la|les|un|une|des|ce|cette|ces|son|sa|ses|leurs?)\s+|l['’]\s*)"
        r"(?P<head>[\w’'-]+)", rest, re.I)))
        if len(rest) - det.start() <= 70 and not re.search(r"[,;:.!?«»()]", rest[det.start():])
        and not re.search(r"(?:\b(?:de|du|des)\s+|\bd['’]\s*)$", rest[:det.start()])  # "l'un de ses avocats"
        and any(kind.match(det.group("head")) for kind in (FR_PEOPLE, FR_ROLES, FR_BODIES))), None)
    if np_start is None and np is None:
        return None
    np_start = np_start if np_start is not None else floor + np.start(1)
    # "Bernard Bonnet, le successeur de Claude Erignac, qui …": the name the noun phrase is in apposition to
    apposed = [p for p in people.within(floor, np_start) if re.fullmatch(r"\s*,\s*", text[p.end:np_start])]
    if apposed:
        return (apposed[-1].text, apposed[-1].entity), _sentence(bounds, apposed[-1].start)
    return _agent(text, np_start, floor + len(rest), people, bounds)


def _fold_accents(words: str) -> str:
    import unicodedata

    words = unicodedata.normalize("NFKD", words)
    return "".join(ch for ch in words if not unicodedata.combining(ch)).lower()


def _body_of_kind(text, noun, after_head, floor):
    """The body named before ``floor`` that a generic noun phrase stands for: "le ministère" for "le ministère de
    l'Intérieur" written before; "le parti écologiste" for "Europe Écologie Les Verts" and "l'organisation
    islamique" for "les islamistes d'Ansar Eddine" (a name written with a word of the adjective's stem)."""
    found = None
    # "la cour" for "la cour d'appel de Paris": a lowercase complement may come before the name
    of = re.compile(rf"\b(?i:{re.escape(noun)})\s+((?:(?:d['’]\s*|de\s+)[a-zà-ÿ-]+\s+)?"
                    rf"(?:de\s+la|de\s+l['’]|de|du|des|d['’])\s*{_NAME}(?:\s+{_NAME})*)")
    # "la direction de la régie" is not "la direction de la Porte des Lilas": a complement of its own must be in it
    own = re.match(r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*([a-zà-ÿ-]{3,})", after_head)
    for m in of.finditer(text, 0, floor):
        if own is None or own.group(1) in m.group(1).lower():
            found = (m.start(), noun.lower() + " " + m.group(1))
    adjective = re.match(rf"\s+({_ADJECTIVE})", after_head)
    if adjective and len(adjective.group(1)) >= 8:
        stem = _fold_accents(adjective.group(1))[:min(len(adjective.group(1)) - 3, 6)]
        for m in NAME_CHAIN.finditer(text, 0, floor):
            name = m.group(0)
            if name in _SENTENCE_ADVERBS or _DETERMINER.fullmatch(name + " ") or len(name) < 3:
                continue
            near = text[max(m.start() - 25, 0):m.start()]
            if (stem in _fold_accents(name) or stem in _fold_accents(near)) and (found is None or m.start() > found[0]):
                found = (m.start(), name)
    return found[1] if found else None


def _named_body(text, start, end, people, bounds):
    """The body named after "du" ("le communiqué du ministère de l'Intérieur")."""
    rest = text[start:end]
    named = [p for p in people.within(start, end)]
    if named:
        return (named[0].text, named[0].entity), _sentence(bounds, start)
    body = re.match(r"\s*([\w’'-]+(?:\s+(?:de|du|des|d['’]|de\s+la|de\s+l['’])\s*[A-ZÀ-ÖØ-Þ][\w’'-]*)*)", rest)
    if body and (FR_BODIES.match(body.group(1).split()[0]) or body.group(1)[:1].isupper()):
        return (body.group(1), None), _sentence(bounds, start)
    return None


def _apposition_before(text, noun, floor, complement=""):
    """The name written with ``noun`` earlier in the text ("le quotidien français Le Figaro", "L'ONG Human
    Rights Watch", "Le ministre de l'Intérieur, Manuel Valls", "Bruno Le Roux, l'actuel ministre"): the last one, or
    None."""
    # "Le groupe de cosmétique français, numéro un mondial, L'Oréal": a complement and an aside may come between
    # (not "le Premier ministre Bernard Cazeneuve" for "le ministre": another role)
    pattern = re.compile(rf"(?<![Pp]remier\s)(?<![Pp]remière\s)\b{re.escape(noun)}"
                         rf"(?:\s+(?:de|d['’])\s*(?!(?:la|le|les|l)\b)[a-zà-ÿ-]+)?"
                         rf"(?:\s+{_ADJECTIVE}){{0,2}}?"
                         rf"(?:\s*,[^,;:«»().]{{1,40}},)?,?\s+({NAME_CHAIN.pattern})")
    # "Bruno Le Roux, l'actuel ministre de l'Intérieur": the name the role is apposed to, when the noun has no
    # complement of its own that could tell another holder ("le candidat de Debout la France")
    after = re.compile(rf"({NAME_CHAIN.pattern})\s*,\s*(?:le|la|l['’])\s*(?:(?:actuel|actuelle|ancien|ancienne|"
                       rf"nouveau|nouvel|nouvelle|futur|future)\s+)?{re.escape(noun)}\b")
    owned = re.match(r"\s+(?:de|du|des|d['’])\s*(?:la\s+|l['’]\s*)?[A-ZÀ-ÖØ-Þ]", complement)
    found = None
    for m in sorted([*pattern.finditer(text, 0, floor), *([] if owned else after.finditer(text, 0, floor))],
                    key=lambda m: m.start()):
        name = m.group(1)
        if _NOT_A_NAME.match(name) and " " in name:  # "Pour Emmanuel Macron, le candidat"
            name = name.split(None, 1)[1]
        if name[:1].isupper() and name.split()[0] not in _SENTENCE_ADVERBS:
            found = name
    return found


def _parsed_subject_fr(text, start, end, verb, people, bounds):
    """The subject of the reporting verb ``verb`` (a match in ``text[start:end]``), or of the main verb when the
    words end with a colon, in spaCy's parse: ((words, IRI), span), (False, None) for an impersonal verb, or
    None."""
    from .candidates import french_parser

    nlp = french_parser()
    words = text[start:end]
    if nlp is None or not words.strip():
        return None
    # "la coupure du direct que le présentateur Benjamin Dubois commente :": the subject of a relative verb whose
    # object is "que" is the noun phrase between them
    relative = re.search(rf"\b(?:que|qu['’])\s*(?P<np>(?:le|la|l['’]|les)\s*[^,;:«»()]{{1,60}}?)\s+(?:{_FR_AUX}\s+)?$",
                         words[:verb.start()]) if verb is not None else None
    # (not "X affirme que le président souhaite « … »", where "que" opens what a verb of saying says)
    said_before = relative and FR_SAYING.search((words[:relative.start()].split() or [""])[-1])
    if relative and not said_before and re.match(r"\w*\s*:?\s*$", words[verb.end():]):
        found = _agent(text, start + relative.start("np"), start + relative.end("np"), people, bounds)
        if found is not None and found[0]:
            return found
    doc = nlp(words)
    target = None
    if verb is not None:
        target = next((t for t in doc if t.idx <= verb.start() < t.idx + len(t) + 1), None)
    if target is None:
        roots = [t for t in doc if t.dep_ == "ROOT"]
        target = roots[-1] if roots else None
    # "l'Élysée affirme que le Président souhaite « … »", "Son entourage explique que ce dernier voulait dire que
    # « … »": a wish or a meaning told in a clause another verb of saying governs is the account of that verb's subject
    if target is not None and (target.lower_.startswith(("souhait", "voul", "veu")) or
                               target.lower_ == "dire" and target.head.lower_.startswith(("voul", "veu"))):
        up = target
        while up.dep_ in ("xcomp", "conj") and up.head is not up:
            up = up.head
        if up.dep_ == "ccomp" and FR_SAYING.fullmatch(up.head.text) and \
                any(c.dep_ == "nsubj" for c in up.head.children):
            target = up.head
    if target is not None and verb is not None and any(
            t.pos_ == "VERB" and t.dep_ == "conj" and t.head == target and t.i > target.i and
            any(c.dep_ == "cc" for c in t.children) and  # not "fair-play" split in two by the parse
            not FR_SAYING.fullmatch(t.text) and ":" not in words[target.idx:t.idx] for t in doc):
        # "X poursuit cette stratégie et s'est approprié le thème du « changement »" (but "X nuance ces effets :
        # elle est moins ressentie où « … »" sets out after the colon what X says)
        return False, None
    seen = 0
    while target is not None and seen < 6:
        seen += 1
        subjects = [c for c in target.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and
                    c.pos_ not in ("PUNCT", "SPACE")]  # the parser may hang a dash ("– Le Canard …") as one
        if subjects and (subjects[0].text in "«»" or any(m.start() < subjects[0].idx < m.end()
                                                          for m in re.finditer(r"«[^«»]*»", words))):
            # a quotation mark the parse took for a verb and its subject, or a word of other quoted words ("une
            # pancarte « je suis partout », X a twitté :"): no subject found
            subjects = []
        if subjects and subjects[0].lower_ in ("qu'", "qu’", "qu", "que"):
            subjects = []  # the conjunction after the verb, parsed as its subject
        if not subjects and target.dep_ == "conj":
            # "selon la source, qui n'a pas donné de détails, mais a ajouté qu'« … »": the verb coordinated with a
            # relative clause's has its subject, "qui"
            relatives = [t for t in doc if t.dep_ == "acl:relcl" and t.i < target.i and
                         (t.head == target.head or target.head == t) and
                         any(c.dep_ == "nsubj" and c.lower_ == "qui" for c in t.children)]
            if relatives:
                qui = next(c for c in relatives[-1].children if c.dep_ == "nsubj" and c.lower_ == "qui")
                found = _antecedent(text, start, start + qui.idx, people, bounds)
                if found is not None and found[0]:
                    return found
        if not subjects and seen == 1 and verb is not None:
            # "… a écourté une visite et François Hollande a confié, depuis la Corrèze, que « … »", the name parsed
            # as an object of the verb before: a person written just before the verb and its auxiliary
            just = [p for p in people.within(start, start + target.idx)
                    if re.fullmatch(rf"\s+(?:{_FR_AUX}\s+)?", text[p.end:start + target.idx]) and
                    not _PREPOSITION_JUST_BEFORE.search(text[max(p.start - 20, 0):p.start])]
            if just:
                return (just[-1].text, just[-1].entity), _sentence(bounds, just[-1].start)
        if subjects:
            subject = subjects[0]
            # "Il apparaît que" is impersonal; "Il précise que", which the parser may read the same way, is not
            # (read in the words, for the verbs known by what follows them: "engagé à")
            said = FR_SAYING.match(words, target.idx)
            reported = said and said.end() == target.idx + len(target.text) and not FR_IMPERSONAL.search(target.text)
            # (the parse may call "il" impersonal before a verb that never is: "qu'il juge « abjectes »")
            impersonal_verb = target.lemma_ in ("être", "avoir", "falloir", "sembler", "paraître", "rester",
                                                "arriver", "suffire", "agir", "convenir", "exister", "manquer")
            if (subject.dep_ == "expl:subj" and not reported and (impersonal_verb or subject.lower_ != "il" or
                                                                  not FR_SAYING.fullmatch(target.text))) or (
                    subject.lower_ == "il" and FR_IMPERSONAL.search(target.text)):
                return False, None
            # "le directeur général du … Council britannique, John Womersley a déclaré": the name in apposition
            named = [c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > subject.i]
            sub = list(named[0].subtree if named and subject.pos_ == "NOUN" else subject.subtree)
            # "Dans le communiqué, Adobe explique", parsed with the phrase hung on "Adobe": the subject starts
            # after the comma before it
            commas = [t.i for t in sub if t.text == "," and t.i < subject.i]
            if commas and subject.pos_ == "PROPN":
                sub = [t for t in sub if t.i > commas[-1]]
            # "Le Haut Commissaire des Nations Unies … a qualifié", parsed with "Unies" as the subject: the noun
            # phrase the sentence opens with, determiner first and no comma or verb before the subject, is it
            opening = [t for t in doc[:sub[0].i] if not t.is_space]
            if opening and opening[0].pos_ == "DET" and not named and \
                    all(t.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "ADP") for t in opening):
                sub = opening + sub
            # The parse may hang the rest of the sentence on its subject ("Une source proche du dossier ajoute à
            # Presse Océan que", "Le Figaro dénonce des « … » dont le journal est victime et estime"): the subject
            # stops at a conjugated verb (or a verb of saying, which the parse may take for a noun) or a quotation
            # mark after its head, and at the little words left before it
            cut = next((k for k, t in enumerate(sub) if t.i > subject.i and
                        (t.text in "«»" or "Fin" in t.morph.get("VerbForm") or FR_SAYING.fullmatch(t.text))), None)
            if cut is not None:
                sub = sub[:cut]
                while len(sub) > 1 and sub[-1].pos_ in ("ADP", "DET", "PRON", "CCONJ", "SCONJ", "PUNCT"):
                    sub = sub[:-1]
            # "qu'un homme lui aurait tiré", the clitic hung on the subject: not part of it
            while len(sub) > 1 and sub[-1].pos_ == "PRON" and sub[-1].lower_ in ("lui", "leur", "se", "s'", "y", "en"):
                sub = sub[:-1]
            s, e = start + sub[0].idx, start + sub[-1].idx + len(sub[-1])
            if text[e - 1] in "'’" and re.match(r"s\b", text[e:e + 2]):
                e += 1  # the parser splits "Moody's" after its apostrophe
            # "L'Union européenne au travers de sa délégation a condamné": the means it spoke through is not its name
            means = re.search(r"\s+(?:au\s+travers|à\s+travers|par\s+l['’]intermédiaire)\s+(?:de|du|des|d['’])",
                              text[s:e])
            if means:
                e = s + means.start()
            # a name the parse cut ("le juge William Alsup", "Alsup" hung elsewhere; "Bruno Le Maire" from "Le
            # Maire") is the whole name
            e = max([e] + [p.end for p in people.items if s <= p.start < e])
            s = min([s] + [p.start for p in people.items if p.start < s < p.end])
            # "La première ministre du Québec, Pauline Marois a dit": the name after the role, its comma unclosed
            then = [p for p in people.within(e, start + target.idx)
                    if re.fullmatch(r"\s*,?\s*", text[e:p.start]) and text[s:p.start].rstrip().endswith(",")]
            if subject.pos_ == "NOUN" and then and (FR_ROLES.match(subject.text) or FR_BODIES.match(subject.text)
                                                    or FR_ROLES.match(doc[subject.i - 1].text)):
                return (then[0].text, then[0].entity), _sentence(bounds, then[0].start)
            if subject.lower_ == "on" and re.match(r"(?:parl|di[ts]|évoqu|murmur|racont)", target.lower_):
                return False, None  # "On parle du « … »": an indefinite someone, nobody's words
            if subject.pos_ == "PRON" and subject.lower_ in ("il", "elle", "ils", "elles"):
                # "Trump a indiqué qu'il souhaite « … »": the pronoun of a clause that a verb of saying governs
                # stands for that verb's subject, when it is a name or a noun
                said_by = [c for c in target.head.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
                named = [p for c in said_by[:1] for p in people.items if p.start <= start + c.idx < p.end]
                if target.dep_ == "ccomp" and FR_SAYING.fullmatch(target.head.text) and said_by and not (
                        named and _gender(text, named[0], people) not in (None, _PRONOUN_GENDER[subject.lower_])):
                    target = target.head  # (not a woman for "il": "Marie a dit qu'il viendra")
                    continue
                # (the one named before the pronoun, in its own sentence too: "« … », se défend le cabinet de M. Le
                # Roux, tandis qu'il justifie que « … »")
                found = _earlier_fr(text, start + (subject.idx if subject.lower_ in ("il", "elle") else 0), people,
                                    bounds, pronoun=subject.lower_)
                return found if found[0] else None
            if subject.lower_ in ("qui", "lequel", "laquelle"):
                return _antecedent(text, start, start + subject.idx, people, bounds)
            found = _agent(text, s, e, people, bounds)
            return found
        target = target.head if target.head is not target else None
    # No subject in the parse: the last person or name before the verb in its clause ("Obama raille « … »").
    upto = start + (verb.start() if verb is not None else len(words.rstrip().rstrip(":")))
    clause = max(text.rfind(":", start, upto), text.rfind(";", start, upto), start - 1) + 1
    named = [p for p in people.within(clause, upto) if not _PREPOSITION_JUST_BEFORE.search(
        text[max(p.start - 20, 0):p.start]) and not _object_of_a_participle(text, p)]
    if named:
        return (named[-1].text, named[-1].entity), (start, end)
    # "Mais ce dernier juge « … »", "juge" parsed as a noun: the last one named
    latter = re.fullmatch(r"\s*(?:\w+\s*,?\s+)?((?:ce|cette)\s+derni(?:er|ère))\s*", text[clause:upto], re.I)
    if latter:
        found = _agent(text, clause + latter.start(1), clause + latter.end(1), people, bounds)
        if found is not None and found[0]:
            return found
    alone = NAME_CHAIN.fullmatch(text[clause:upto].strip())
    if alone and alone.group(0) not in _SENTENCE_ADVERBS:
        return (alone.group(0), None), (start, end)
    # "Les analystes du groupe … estiment pour leur part que", the verb misread as an adjective: the noun phrase
    # the clause opens with, when it is someone
    if verb is not None:
        np = re.match(r"\s*((?:les|le|la|l['’]|un|une|des)\s*[^,;:«»()]{1,90}?)(?:\s+\([^()]{1,20}\))?\s+$",
                      text[clause:upto], re.I)  # "(A4E)": an acronym in brackets after the name
        if np:
            return _agent(text, clause + np.start(1), clause + np.end(1), people, bounds)
    return None


def pronoun_agrees(text, match, tail, speaker, people) -> bool:
    """Whether the speaker ``speaker`` (words, IRI) of the quotation before can be the pronoun after this one
    ("« … », a-t-elle ajouté" does not go on with a man's words)."""
    inverted = FR_INVERTED.match(text, match.end(), tail[1])
    pronoun = inverted and (inverted.group("p1") or inverted.group("p2"))
    if not pronoun:
        return True
    gender = _PRONOUN_GENDER.get(pronoun.strip("-t").lower())
    named = [p for p in people.items if p.text == speaker[0]]
    return not named or _gender(text, named[-1], people) in (None, gender)
