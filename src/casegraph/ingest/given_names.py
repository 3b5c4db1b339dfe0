"""Common given names, lower case: they tell a person's gender in French attribution and that "Michael
Bloomberg" is a man, not the company Bloomberg (the linker); and the shape of a French nationality noun, which the
press writes before a person's name ("la Slovène Tina Trstenjak", "l'Américain Carl Lewis")."""

FEMALE_NAMES = {
    "marine", "nadine", "hélène", "michelle", "hillary", "ana", "fatou", "marie", "anne", "sophie", "christine",
    "ségolène", "martine", "rachida", "najat", "cécile", "valérie", "nathalie", "isabelle", "catherine",
    "françoise", "sylvie", "christiane", "aurélie", "julie", "claire", "laurence", "monique", "brigitte",
    "angela", "marion", "marisol", "élisabeth", "elisabeth", "florence", "delphine", "caroline", "sandrine",
    "véronique", "patricia", "chantal", "nicole", "jacqueline", "michèle", "danielle", "geneviève", "agnès",
    "anna", "maria", "laura", "sarah", "emma", "léa", "camille", "manon", "chloé", "juliette", "louise",
    "alice", "charlotte", "carla", "aurore", "amélie", "fleur", "yasmina", "fatima",
    "soraya", "aminata", "hanna", "hannah", "susan", "mary", "elizabeth", "jennifer", "karen", "nancy",
    "margaret", "theresa", "teresa", "hilary", "condoleezza", "dilma", "cristina", "kristina", "yulia",
    "aung", "benazir", "indira", "golda", "ursula", "frédérique", "pascale", "corinne",
    "dominique-anne", "mathilde", "clémentine", "eva", "ève", "éva", "joëlle", "joelle", "odile", "simone",
    "béatrice", "stéphanie", "céline", "émilie", "virginie", "audrey", "mélanie", "laetitia", "sabine", "muriel",
    "pauline", "lucie", "élise", "beata", "agnieszka", "katarzyna", "magdalena", "nadia", "leila", "samia",
    "penelope", "pénélope", "roselyne", "myriam", "ingrid", "emmanuelle", "gabrielle", "rachel", "marlène",
    "jeanne", "yvonne", "josiane", "bernadette", "danièle", "édith", "agathe",
}
MALE_NAMES = {
    "jean", "pierre", "paul", "jacques", "michel", "françois", "nicolas", "manuel", "arnaud", "barack", "mitt",
    "christian", "bruno", "denis", "lionel", "philippe", "gilles", "alfredo", "mariano", "julio", "leopoldo",
    "antonis", "kostas", "vassilis", "dimitris", "christos", "panos", "ole", "nadim", "arié", "mohamed",
    "bruce", "louis", "andré", "alain", "bernard", "daniel", "patrick", "olivier", "laurent", "éric", "eric",
    "david", "thomas", "julien", "sébastien", "stéphane", "frédéric", "vincent", "marc", "luc", "yves",
    "henri", "georges", "robert", "rené", "roger", "claude", "gérard", "hervé", "thierry", "xavier", "benoît",
    "emmanuel", "édouard", "bertrand", "benjamin", "alexis", "antoine", "martin", "hugo", "arthur", "william",
    "john", "james", "george", "joe", "joseph", "donald", "bill", "mike", "michael", "richard", "charles",
    "vladimir", "dmitri", "angelos", "alexandre", "fran", "francisco", "josé", "juan", "carlos", "luis",
    "pablo", "miguel", "ahmed", "ali", "omar", "abdel", "mahmoud", "bachar", "hosni", "mouammar", "silvio",
    "mario", "matteo", "giorgio", "helmut", "gerhard", "wolfgang", "hugues", "guillaume", "maxime", "jérôme",
    "mohammed", "mohammad", "muhammad", "pascal", "fabien", "romain", "cédric", "mathieu", "matthieu", "sylvain",
    "franck", "malik", "karim", "rachid", "mehdi", "yann", "loïc", "damien", "florian", "kevin", "anthony", "adrien",
    "quentin", "rémi", "samuel", "simon", "tristan", "valentin", "victor", "yannick", "gabriel", "raphaël", "lucas",
    "léo", "théo", "enzo", "nathan", "bastien", "antoni", "andrzej", "jarosław", "tomasz", "piotr", "krzysztof",
}
FIRST_NAMES = FEMALE_NAMES | MALE_NAMES

_NATIONALITY_ENDING = r"(?:iens?|iennes?|ais|aises?|ois|oises?|ains?|aines?|ènes?|otes?|ans?|anes?|ses?|ques?)"
#: a capitalised French nationality noun ("Slovène", "Italienne", "Américain", "Française", "Grecque"), as a pattern
NATIONALITY = rf"[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+{_NATIONALITY_ENDING}"
#: the same word as an adjective, in lower case ("l'armée égyptienne", "la police allemande")
NATIONALITY_ADJECTIVE = rf"[a-zà-ÿ]+{_NATIONALITY_ENDING}"
