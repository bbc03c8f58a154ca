#!/usr/bin/env python3
"""Genera ``datos/fra-eng-curso.txt``, el corpus inglés–francés escrito para el curso.

Todo el texto sale de este archivo: una lista de frases cotidianas escritas a mano y un
conjunto de plantillas («marcos») con gramática de verdad: conjugación, concordancia de
género y número, elisión, contracciones, negación, inversión con guiones y ``-t-``,
preguntas con «est-ce que»... No se lee ningún otro corpus y no se usa la red.

El resultado tiene el formato del ``fra.txt`` actual de manythings.org: tres columnas
separadas por tabuladores (inglés, francés, atribución), un par por línea, ordenadas
por la longitud de la frase inglesa.

Uso (desde cualquier carpeta):

    python datos/generar_corpus.py              # escribe el archivo y muestra un resumen
    python datos/generar_corpus.py --comprobar  # regenera en memoria y compara

La salida es determinista: el único azar es ``random.Random(2024)`` (no se usa ``hash()``,
que cambia con ``PYTHONHASHSEED``). Solo se usa la biblioteca estándar de Python 3.11.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

# --- Parámetros del corpus --------------------------------------------------------------
SEMILLA = 2024
OBJETIVO = 3800  # pares del archivo final
TOPE_MARCO = 60  # pares que puede aportar cada marco antes del muestreo final
FRACCION_MAXIMA_MARCO = 0.05  # ningún marco puede pasar del 5 % del corpus
MAX_VARIANTES = 3  # traducciones francesas distintas, como mucho, por frase inglesa
LARGO_MAX_EN = 45
LARGO_MAX_FR = 70
MINIMO_PARES = 3000
ATRIBUCION = (
    "CC-BY 4.0 Attribution: corpus escrito para el curso seq2seq-keras-es "
    "(datos/generar_corpus.py)"
)
RUTA_SALIDA = Path(__file__).resolve().parent / "fra-eng-curso.txt"

NNBSP = "\u202f"  # espacio fino insecable: va delante de ! ? ; : en francés


# =========================================================================================
# 1. Tipografía francesa: elisión, contracciones y puntuación
# =========================================================================================
VOCALES = frozenset("aeiouàâäéèêëîïôöùûüœæ")

# Palabras ante las que NO se elide: h aspirada, números («le huit», «le onze») y
# palabras que empiezan por «y» consonante. La h es muda por defecto (l'hôtel, j'habite).
SIN_ELISION = frozenset(
    {
        "hamburger", "hamburgers", "hamster", "hamsters", "haricot", "haricots", "héros",
        "hibou", "hiboux", "hockey", "homard", "homards", "honte", "hasard", "haut",
        "haute", "hauts", "hautes", "hall", "handball", "hâte", "huit", "huitième",
        "onze", "onzième", "oui", "yaourt", "yaourts", "yoga", "harpe", "hibou",
    }
)


def _nucleo(palabra: str) -> str:
    """Devuelve las primeras letras de una palabra, en minúsculas (sin apóstrofos ni guiones)."""
    m = re.match(r"[^\W\d_]+", palabra.lower())
    return m.group(0) if m else ""


def admite_elision(palabra: str) -> bool:
    """Dice si delante de ``palabra`` se elide (je → j', le → l', de → d'...)."""
    base = _nucleo(palabra)
    if not base:
        return False
    if base == "y":  # el pronombre «y»: n'y, j'y
        return True
    if base in SIN_ELISION:
        return False
    return base[0] in VOCALES or base[0] == "h"


def _como(original: str, nueva: str) -> str:
    """Copia la mayúscula inicial de ``original`` en ``nueva``."""
    if original[:1].isupper():
        return nueva[:1].upper() + nueva[1:]
    return nueva


_ARTICULOS_ELIDIBLES = {"le": "l'", "la": "l'"}
_POSESIVOS_ANTE_VOCAL = {"ma": "mon", "ta": "ton", "sa": "son"}
_CONTRACCIONES = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}
_ELIDIBLES = {"je": "j'", "me": "m'", "te": "t'", "se": "s'", "de": "d'", "ne": "n'", "que": "qu'"}


def pulir_frances(texto: str) -> str:
    """Aplica elisiones y contracciones a una frase francesa escrita palabra a palabra.

    Las plantillas escriben «je aime le café de le marché» y esta función lo convierte en
    «j'aime le café du marché». El orden importa: primero se eliden los artículos
    («de le hôtel» → «de l'hôtel»), luego se contrae lo que queda («de le marché» → «du
    marché») y al final se eliden je, me, te, se, de, ne y que.
    """
    palabras = texto.split()
    # 1) Artículos y determinantes ante vocal: le/la → l', ma/ta/sa → mon/ton/son, ce → cet.
    salida: list[str] = []
    i = 0
    while i < len(palabras):
        w = palabras[i]
        low = w.lower()
        sig = palabras[i + 1] if i + 1 < len(palabras) else ""
        if sig and admite_elision(sig):
            if low in _ARTICULOS_ELIDIBLES:
                salida.append(_como(w, "l'" + sig))
                i += 2
                continue
            if low in _POSESIVOS_ANTE_VOCAL:
                salida.append(_como(w, _POSESIVOS_ANTE_VOCAL[low]))
                i += 1
                continue
            if low == "ce":
                if _nucleo(sig) in {"est", "était", "étaient"}:
                    salida.append(_como(w, "c'" + sig))
                    i += 2
                else:
                    salida.append(_como(w, "cet"))
                    i += 1
                continue
        salida.append(w)
        i += 1
    # 2) Contracciones: à le → au, à les → aux, de le → du, de les → des.
    palabras, salida, i = salida, [], 0
    while i < len(palabras):
        if i + 1 < len(palabras) and (palabras[i].lower(), palabras[i + 1]) in _CONTRACCIONES:
            salida.append(_como(palabras[i], _CONTRACCIONES[(palabras[i].lower(), palabras[i + 1])]))
            i += 2
            continue
        salida.append(palabras[i])
        i += 1
    # 3) Resto de elisiones: je, me, te, se, de, ne, que; y si il → s'il.
    palabras, salida, i = salida, [], 0
    while i < len(palabras):
        w = palabras[i]
        low = w.lower()
        sig = palabras[i + 1] if i + 1 < len(palabras) else ""
        if sig and low in _ELIDIBLES and admite_elision(sig):
            salida.append(_como(w, _ELIDIBLES[low] + sig))
            i += 2
            continue
        if sig and low == "si" and sig in {"il", "ils"}:
            salida.append(_como(w, "s'" + sig))
            i += 2
            continue
        salida.append(w)
        i += 1
    return " ".join(salida)


def mayuscula_inicial(texto: str) -> str:
    """Pone en mayúscula la primera letra (también las acentuadas: à → À, é → É)."""
    return texto[:1].upper() + texto[1:]


def frase_fr(cuerpo: str, signo: str = ".") -> str:
    """Frase francesa terminada: elisiones, mayúscula y espacio fino delante de ! ? ; :."""
    texto = mayuscula_inicial(pulir_frances(cuerpo))
    if signo in "!?;:":
        return texto + NNBSP + signo
    return texto + signo


def tipografia_fr(texto: str) -> str:
    """Para las frases escritas a mano: cambia «texto !» por «texto\u202f!» (y ? ; :)."""
    return re.sub(r" ([!?;:])", NNBSP + r"\1", texto)


def frase_en(cuerpo: str, signo: str = ".") -> str:
    """Frase inglesa terminada: espacios simples, mayúscula inicial y signo final."""
    return mayuscula_inicial(" ".join(cuerpo.split())) + signo


_SONIDO_CONSONANTE = ("uni", "use", "usu", "eu", "one", "once")
_SONIDO_VOCAL = ("hour", "honest", "honor")


def un_en(sintagma: str) -> str:
    """Artículo indefinido inglés correcto: «a car», «an apple», «a university», «an hour»."""
    low = sintagma.lower()
    vocal = low[:1] in "aeiou" and not low.startswith(_SONIDO_CONSONANTE)
    if low.startswith(_SONIDO_VOCAL):
        vocal = True
    return ("an " if vocal else "a ") + sintagma



# =========================================================================================
# 2. Léxico: verbos
# =========================================================================================
@dataclass(frozen=True)
class Verbo:
    """Un verbo francés con su presente, participio, auxiliar y formas inglesas."""

    inf: str  # infinitivo sin «se» (lever, coucher...)
    pres: tuple[str, ...]  # je, tu, il/elle, nous, vous, ils/elles
    pp: str  # participio pasado (masculino singular)
    aux: str  # "avoir" o "être"
    en: tuple[str, str, str, str, str]  # base, 3.ª persona, pasado, participio, gerundio
    pron: bool = False  # verbo pronominal (se lever, s'habiller...)

    def imperativo(self, persona: str) -> str:
        """Imperativo de tú («tu»), de nosotros («nous») o de usted/vosotros («vous»)."""
        especiales = {
            "être": ("sois", "soyons", "soyez"),
            "avoir": ("aie", "ayons", "ayez"),
            "savoir": ("sache", "sachons", "sachez"),
            "aller": ("va", "allons", "allez"),
        }
        if self.inf in especiales:
            tu, nous, vous = especiales[self.inf]
        else:
            # Los verbos en -er (y ouvrir, offrir) pierden la -s en el imperativo de «tu».
            sin_s = self.inf.endswith("er") or self.inf in {"ouvrir", "offrir"}
            tu = self.pres[0] if sin_s else self.pres[1]
            nous, vous = self.pres[3], self.pres[4]
        return {"tu": tu, "nous": nous, "vous": vous}[persona]


def _presente_er(inf: str) -> tuple[str, ...]:
    """Presente regular de un verbo en -er (con mangeons, commençons)."""
    raiz = inf[:-2]
    if raiz.endswith("g"):
        nous = raiz + "eons"
    elif raiz.endswith("c"):
        nous = raiz[:-1] + "çons"
    else:
        nous = raiz + "ons"
    return (raiz + "e", raiz + "es", raiz + "e", nous, raiz + "ez", raiz + "ent")


# (infinitivo, inglés "base|3s|pasado|participio|gerundio", presente o "", participio o "",
#  auxiliar). Los verbos en -er regulares dejan presente y participio vacíos.
_VERBOS = [
    # --- primer grupo (-er) ---
    ("parler", "speak|speaks|spoke|spoken|speaking", "", "", "avoir"),
    ("aimer", "like|likes|liked|liked|liking", "", "", "avoir"),
    ("adorer", "love|loves|loved|loved|loving", "", "", "avoir"),
    ("détester", "hate|hates|hated|hated|hating", "", "", "avoir"),
    ("préférer", "prefer|prefers|preferred|preferred|preferring",
     "préfère préfères préfère préférons préférez préfèrent", "préféré", "avoir"),
    ("regarder", "watch|watches|watched|watched|watching", "", "", "avoir"),
    ("écouter", "listen|listens|listened|listened|listening", "", "", "avoir"),
    ("chanter", "sing|sings|sang|sung|singing", "", "", "avoir"),
    ("danser", "dance|dances|danced|danced|dancing", "", "", "avoir"),
    ("travailler", "work|works|worked|worked|working", "", "", "avoir"),
    ("jouer", "play|plays|played|played|playing", "", "", "avoir"),
    ("chercher", "look|looks|looked|looked|looking", "", "", "avoir"),
    ("trouver", "find|finds|found|found|finding", "", "", "avoir"),
    ("donner", "give|gives|gave|given|giving", "", "", "avoir"),
    ("fermer", "close|closes|closed|closed|closing", "", "", "avoir"),
    ("arriver", "arrive|arrives|arrived|arrived|arriving", "", "", "être"),
    ("entrer", "come in|comes in|came in|come in|coming in", "", "", "être"),
    ("rester", "stay|stays|stayed|stayed|staying", "", "", "être"),
    ("tomber", "fall|falls|fell|fallen|falling", "", "", "être"),
    ("rentrer", "come home|comes home|came home|come home|coming home", "", "", "être"),
    ("marcher", "walk|walks|walked|walked|walking", "", "", "avoir"),
    ("nager", "swim|swims|swam|swum|swimming", "", "", "avoir"),
    ("habiter", "live|lives|lived|lived|living", "", "", "avoir"),
    ("étudier", "study|studies|studied|studied|studying", "", "", "avoir"),
    ("oublier", "forget|forgets|forgot|forgotten|forgetting", "", "", "avoir"),
    ("visiter", "visit|visits|visited|visited|visiting", "", "", "avoir"),
    ("laver", "wash|washes|washed|washed|washing", "", "", "avoir"),
    ("porter", "wear|wears|wore|worn|wearing", "", "", "avoir"),
    ("cuisiner", "cook|cooks|cooked|cooked|cooking", "", "", "avoir"),
    ("dessiner", "draw|draws|drew|drawn|drawing", "", "", "avoir"),
    ("préparer", "make|makes|made|made|making", "", "", "avoir"),
    ("penser", "think|thinks|thought|thought|thinking", "", "", "avoir"),
    ("aider", "help|helps|helped|helped|helping", "", "", "avoir"),
    ("appeler", "call|calls|called|called|calling",
     "appelle appelles appelle appelons appelez appellent", "appelé", "avoir"),
    ("acheter", "buy|buys|bought|bought|buying",
     "achète achètes achète achetons achetez achètent", "acheté", "avoir"),
    ("manger", "eat|eats|ate|eaten|eating", "", "", "avoir"),
    ("commencer", "start|starts|started|started|starting", "", "", "avoir"),
    ("gagner", "win|wins|won|won|winning", "", "", "avoir"),
    ("pleurer", "cry|cries|cried|cried|crying", "", "", "avoir"),
    ("voyager", "travel|travels|traveled|traveled|traveling", "", "", "avoir"),
    ("rencontrer", "meet|meets|met|met|meeting", "", "", "avoir"),
    ("inviter", "invite|invites|invited|invited|inviting", "", "", "avoir"),
    ("embrasser", "kiss|kisses|kissed|kissed|kissing", "", "", "avoir"),
    ("fumer", "smoke|smokes|smoked|smoked|smoking", "", "", "avoir"),
    ("nettoyer", "clean|cleans|cleaned|cleaned|cleaning",
     "nettoie nettoies nettoie nettoyons nettoyez nettoient", "nettoyé", "avoir"),
    ("payer", "pay|pays|paid|paid|paying", "paie paies paie payons payez paient", "payé", "avoir"),
    ("essayer", "try|tries|tried|tried|trying",
     "essaie essaies essaie essayons essayez essaient", "essayé", "avoir"),
    ("quitter", "leave|leaves|left|left|leaving", "", "", "avoir"),
    ("utiliser", "use|uses|used|used|using", "", "", "avoir"),
    ("louer", "rent|rents|rented|rented|renting", "", "", "avoir"),
    ("réparer", "fix|fixes|fixed|fixed|fixing", "", "", "avoir"),
    ("goûter", "taste|tastes|tasted|tasted|tasting", "", "", "avoir"),
    ("apporter", "bring|brings|brought|brought|bringing", "", "", "avoir"),
    ("casser", "break|breaks|broke|broken|breaking", "", "", "avoir"),
    ("crier", "shout|shouts|shouted|shouted|shouting", "", "", "avoir"),
    ("remercier", "thank|thanks|thanked|thanked|thanking", "", "", "avoir"),
    ("téléphoner", "phone|phones|phoned|phoned|phoning", "", "", "avoir"),
    ("ressembler", "look|looks|looked|looked|looking", "", "", "avoir"),
    ("déjeuner", "have lunch|has lunch|had lunch|had lunch|having lunch", "", "", "avoir"),
    ("dîner", "have dinner|has dinner|had dinner|had dinner|having dinner", "", "", "avoir"),
    ("coûter", "cost|costs|cost|cost|costing", "", "", "avoir"),
    ("épouser", "marry|marries|married|married|marrying", "", "", "avoir"),
    ("retourner", "go back|goes back|went back|gone back|going back", "", "", "être"),
    ("enlever", "take off|takes off|took off|taken off|taking off",
     "enlève enlèves enlève enlevons enlevez enlèvent", "enlevé", "avoir"),
    ("allumer", "turn on|turns on|turned on|turned on|turning on", "", "", "avoir"),
    ("skier", "ski|skis|skied|skied|skiing", "", "", "avoir"),
    ("pêcher", "fish|fishes|fished|fished|fishing", "", "", "avoir"),
    ("parler", "talk|talks|talked|talked|talking", "", "", "avoir"),
    ("chercher", "look for|looks for|looked for|looked for|looking for", "", "", "avoir"),
    ("attraper", "catch|catches|caught|caught|catching", "", "", "avoir"),
    ("écouter", "listen to|listens to|listened to|listened to|listening to", "", "", "avoir"),
    ("fermer", "shut|shuts|shut|shut|shutting", "", "", "avoir"),
    ("garer", "park|parks|parked|parked|parking", "", "", "avoir"),
    ("montrer", "show|shows|showed|shown|showing", "", "", "avoir"),
    ("tourner", "turn|turns|turned|turned|turning", "", "", "avoir"),
    ("toucher", "touch|touches|touched|touched|touching", "", "", "avoir"),
    # --- segundo grupo (-ir, finissons) ---
    ("finir", "finish|finishes|finished|finished|finishing",
     "finis finis finit finissons finissez finissent", "fini", "avoir"),
    ("choisir", "choose|chooses|chose|chosen|choosing",
     "choisis choisis choisit choisissons choisissez choisissent", "choisi", "avoir"),
    ("réussir", "pass|passes|passed|passed|passing",
     "réussis réussis réussit réussissons réussissez réussissent", "réussi", "avoir"),
    ("atterrir", "land|lands|landed|landed|landing",
     "atterris atterris atterrit atterrissons atterrissez atterrissent", "atterri", "avoir"),
    ("réfléchir", "think|thinks|thought|thought|thinking",
     "réfléchis réfléchis réfléchit réfléchissons réfléchissez réfléchissent", "réfléchi", "avoir"),
    ("remplir", "fill|fills|filled|filled|filling",
     "remplis remplis remplit remplissons remplissez remplissent", "rempli", "avoir"),
    # --- irregulares ---
    ("être", "be|is|was|been|being", "suis es est sommes êtes sont", "été", "avoir"),
    ("avoir", "have|has|had|had|having", "ai as a avons avez ont", "eu", "avoir"),
    ("aller", "go|goes|went|gone|going", "vais vas va allons allez vont", "allé", "être"),
    ("faire", "do|does|did|done|doing", "fais fais fait faisons faites font", "fait", "avoir"),
    ("venir", "come|comes|came|come|coming", "viens viens vient venons venez viennent", "venu", "être"),
    ("revenir", "come back|comes back|came back|come back|coming back",
     "reviens reviens revient revenons revenez reviennent", "revenu", "être"),
    ("pouvoir", "can|can|could|been able|being able", "peux peux peut pouvons pouvez peuvent", "pu", "avoir"),
    ("vouloir", "want|wants|wanted|wanted|wanting", "veux veux veut voulons voulez veulent", "voulu", "avoir"),
    ("devoir", "must|must|had to|had to|having to", "dois dois doit devons devez doivent", "dû", "avoir"),
    ("savoir", "know|knows|knew|known|knowing", "sais sais sait savons savez savent", "su", "avoir"),
    ("connaître", "know|knows|knew|known|knowing",
     "connais connais connaît connaissons connaissez connaissent", "connu", "avoir"),
    ("prendre", "take|takes|took|taken|taking", "prends prends prend prenons prenez prennent", "pris", "avoir"),
    ("apprendre", "learn|learns|learned|learned|learning",
     "apprends apprends apprend apprenons apprenez apprennent", "appris", "avoir"),
    ("comprendre", "understand|understands|understood|understood|understanding",
     "comprends comprends comprend comprenons comprenez comprennent", "compris", "avoir"),
    ("mettre", "put|puts|put|put|putting", "mets mets met mettons mettez mettent", "mis", "avoir"),
    ("voir", "see|sees|saw|seen|seeing", "vois vois voit voyons voyez voient", "vu", "avoir"),
    ("boire", "drink|drinks|drank|drunk|drinking", "bois bois boit buvons buvez boivent", "bu", "avoir"),
    ("lire", "read|reads|read|read|reading", "lis lis lit lisons lisez lisent", "lu", "avoir"),
    ("écrire", "write|writes|wrote|written|writing", "écris écris écrit écrivons écrivez écrivent", "écrit", "avoir"),
    ("dire", "say|says|said|said|saying", "dis dis dit disons dites disent", "dit", "avoir"),
    ("partir", "leave|leaves|left|left|leaving", "pars pars part partons partez partent", "parti", "être"),
    ("sortir", "go out|goes out|went out|gone out|going out", "sors sors sort sortons sortez sortent", "sorti", "être"),
    ("dormir", "sleep|sleeps|slept|slept|sleeping", "dors dors dort dormons dormez dorment", "dormi", "avoir"),
    ("courir", "run|runs|ran|run|running", "cours cours court courons courez courent", "couru", "avoir"),
    ("ouvrir", "open|opens|opened|opened|opening", "ouvre ouvres ouvre ouvrons ouvrez ouvrent", "ouvert", "avoir"),
    ("offrir", "give|gives|gave|given|giving", "offre offres offre offrons offrez offrent", "offert", "avoir"),
    ("attendre", "wait|waits|waited|waited|waiting",
     "attends attends attend attendons attendez attendent", "attendu", "avoir"),
    ("entendre", "hear|hears|heard|heard|hearing",
     "entends entends entend entendons entendez entendent", "entendu", "avoir"),
    ("répondre", "answer|answers|answered|answered|answering",
     "réponds réponds répond répondons répondez répondent", "répondu", "avoir"),
    ("vendre", "sell|sells|sold|sold|selling", "vends vends vend vendons vendez vendent", "vendu", "avoir"),
    ("perdre", "lose|loses|lost|lost|losing", "perds perds perd perdons perdez perdent", "perdu", "avoir"),
    ("descendre", "go down|goes down|went down|gone down|going down",
     "descends descends descend descendons descendez descendent", "descendu", "être"),
    ("rire", "laugh|laughs|laughed|laughed|laughing", "ris ris rit rions riez rient", "ri", "avoir"),
    ("sourire", "smile|smiles|smiled|smiled|smiling",
     "souris souris sourit sourions souriez sourient", "souri", "avoir"),
    ("conduire", "drive|drives|drove|driven|driving",
     "conduis conduis conduit conduisons conduisez conduisent", "conduit", "avoir"),
    ("vivre", "live|lives|lived|lived|living", "vis vis vit vivons vivez vivent", "vécu", "avoir"),
    ("recevoir", "get|gets|got|gotten|getting",
     "reçois reçois reçoit recevons recevez reçoivent", "reçu", "avoir"),
    ("croire", "believe|believes|believed|believed|believing",
     "crois crois croit croyons croyez croient", "cru", "avoir"),
    ("suivre", "follow|follows|followed|followed|following", "suis suis suit suivons suivez suivent", "suivi", "avoir"),
    ("mentir", "lie|lies|lied|lied|lying", "mens mens ment mentons mentez mentent", "menti", "avoir"),
    ("naître", "be born|is born|was born|been born|being born",
     "nais nais naît naissons naissez naissent", "né", "être"),
    ("éteindre", "turn off|turns off|turned off|turned off|turning off",
     "éteins éteins éteint éteignons éteignez éteignent", "éteint", "avoir"),
    ("rendre", "give back|gives back|gave back|given back|giving back",
     "rends rends rend rendons rendez rendent", "rendu", "avoir"),
    ("traduire", "translate|translates|translated|translated|translating",
     "traduis traduis traduit traduisons traduisez traduisent", "traduit", "avoir"),
    ("construire", "build|builds|built|built|building",
     "construis construis construit construisons construisez construisent", "construit", "avoir"),
]

# Verbos pronominales: (clave, infinitivo, inglés, presente o "", participio o "").
_VERBOS_PRONOMINALES = [
    ("se lever", "lever", "get up|gets up|got up|gotten up|getting up",
     "lève lèves lève levons levez lèvent", "levé"),
    ("se coucher", "coucher", "go to bed|goes to bed|went to bed|gone to bed|going to bed", "", ""),
    ("se réveiller", "réveiller", "wake up|wakes up|woke up|woken up|waking up", "", ""),
    ("s'habiller", "habiller", "get dressed|gets dressed|got dressed|gotten dressed|getting dressed", "", ""),
    ("se reposer", "reposer", "rest|rests|rested|rested|resting", "", ""),
    ("se marier", "marier", "get married|gets married|got married|gotten married|getting married", "", ""),
    ("se promener", "promener", "go for a walk|goes for a walk|went for a walk|gone for a walk|going for a walk",
     "promène promènes promène promenons promenez promènent", "promené"),
    ("se dépêcher", "dépêcher", "hurry|hurries|hurried|hurried|hurrying", "", ""),
    ("se laver", "laver", "wash|washes|washed|washed|washing", "", ""),
]


def _construir_verbos() -> dict[str, Verbo]:
    """Tabla de verbos indexada por «infinitivo» o «infinitivo:inglés» si hay varios sentidos."""
    tabla: dict[str, Verbo] = {}
    for inf, en, pres, pp, aux in _VERBOS:
        formas = tuple(pres.split()) if pres else _presente_er(inf)
        participio = pp or inf[:-2] + "é"
        verbo = Verbo(inf, formas, participio, aux, tuple(en.split("|")))  # type: ignore[arg-type]
        clave = inf if inf not in tabla else f"{inf}:{verbo.en[0]}"
        tabla[clave] = verbo
    for clave, inf, en, pres, pp in _VERBOS_PRONOMINALES:
        formas = tuple(pres.split()) if pres else _presente_er(inf)
        participio = pp or inf[:-2] + "é"
        tabla[clave] = Verbo(inf, formas, participio, "être", tuple(en.split("|")), pron=True)  # type: ignore[arg-type]
    return tabla


VERBOS = _construir_verbos()
REFLEXIVOS = ("me", "te", "se", "nous", "vous", "se")
IMPERFECTO_ETRE = ("étais", "étais", "était", "étions", "étiez", "étaient")
CONDICIONAL_VOULOIR = ("voudrais", "voudrais", "voudrait", "voudrions", "voudriez", "voudraient")


# =========================================================================================
# 3. Léxico: sustantivos
# =========================================================================================
@dataclass(frozen=True)
class Sust:
    """Un sustantivo con género, formas francesas e inglesas y categorías de uso."""

    genero: str  # "m" o "f"
    fr_sg: str | None
    fr_pl: str | None
    en_sg: str | None
    en_pl: str | None
    cats: frozenset[str]
    adjs: frozenset[str]  # categorías de adjetivos que le van bien

    @property
    def masa(self) -> bool:
        return "masa" in self.cats

    @property
    def solo_plural(self) -> bool:
        return self.fr_sg is None

    def fr(self, plural: bool) -> str:
        texto = self.fr_pl if (plural or self.fr_sg is None) else self.fr_sg
        assert texto is not None
        return texto

    def en(self, plural: bool) -> str:
        texto = self.en_pl if (plural or self.en_sg is None) else self.en_sg
        assert texto is not None
        return texto


# género | singular | plural | inglés singular | inglés plural | categorías | adjetivos
# «-» marca la forma que no existe (incontables, solo plural). Categorías de adjetivos:
# col color · tam tamaño · tamg gros/petit · nue neuf/vieux · pre precio · pes peso ·
# lim limpieza · tem temperatura · sab sabor · fre frescura · mad madurez · ape abierto ·
# vel velocidad · dif dificultad · int interés · lon largo · bel belleza · com comodidad ·
# rui ruido · lle lleno/vacío · cas roto · dan peligro · car carácter · edad edad
_SUSTANTIVOS = """
f|pomme|pommes|apple|apples|comida,fruta,num,dibujable|mad,sab,colfruta
f|banane|bananes|banana|bananas|comida,fruta,num|mad,sab
f|orange|oranges|orange|oranges|comida,fruta,num|mad,sab
f|poire|poires|pear|pears|comida,fruta,num|mad,sab
f|fraise|fraises|strawberry|strawberries|comida,fruta,num|mad,sab
f|cerise|cerises|cherry|cherries|comida,fruta|mad,sab
m|citron|citrons|lemon|lemons|comida,fruta,num|-
f|pêche|pêches|peach|peaches|comida,fruta,num|mad,sab
m|œuf|œufs|egg|eggs|comida,num|fre
m|gâteau|gâteaux|cake|cakes|comida,plato,horneable,terminable,num|sab,tam
f|tarte|tartes|pie|pies|comida,horneable|sab
f|pizza|pizzas|pizza|pizzas|comida,horneable,num|sab,tem
m|sandwich|sandwichs|sandwich|sandwiches|comida,plato,num|sab
m|croissant|croissants|croissant|croissants|comida,num|fre,sab,tem
m|biscuit|biscuits|cookie|cookies|comida,horneable,num|sab
f|crêpe|crêpes|pancake|pancakes|comida,horneable,num|sab,tem
f|carotte|carottes|carrot|carrots|comida,num|fre
f|tomate|tomates|tomato|tomatoes|comida,num|mad,fre
f|pomme de terre|pommes de terre|potato|potatoes|comida,num|-
m|oignon|oignons|onion|onions|comida,num|-
f|glace|glaces|ice cream|ice creams|comida|sab
m|yaourt|yaourts|yogurt|yogurts|comida,num|fre
m|hamburger|hamburgers|hamburger|hamburgers|comida,num|sab,tem
m|pain|-|bread|-|comida_m,masa,horneable|fre
m|fromage|-|cheese|-|comida_m,masa|sab
m|riz|-|rice|-|comida_m,masa|tem
f|viande|-|meat|-|comida_m,masa|-
m|poisson|-|fish|-|comida_m,masa|fre
f|soupe|-|soup|-|comida_m,masa,plato,terminable|tem,sab
f|salade|-|salad|-|comida_m,masa,plato|fre
m|chocolat|-|chocolate|-|comida_m,masa|sab
m|beurre|-|butter|-|comida_m,masa|-
f|confiture|-|jam|-|comida_m,masa|sab
m|poulet|-|chicken|-|comida_m,masa|tem
m|miel|-|honey|-|comida_m,masa|-
m|sucre|-|sugar|-|comida_m,masa|-
m|sel|-|salt|-|comida_m,masa|-
f|-|pâtes|pasta|-|comida_m,masa|tem
m|jambon|-|ham|-|comida_m,masa|-
f|farine|-|flour|-|comida_m,masa|-
f|eau|-|water|-|bebida,masa|tem
m|lait|-|milk|-|bebida,masa|tem,fre
m|café|-|coffee|-|bebida,masa,plato|tem
m|thé|-|tea|-|bebida,masa,plato|tem
m|jus d'orange|-|orange juice|-|bebida,masa|fre
m|vin|-|wine|-|bebida,masa|-
f|bière|-|beer|-|bebida,masa|tem
f|limonade|-|lemonade|-|bebida,masa|tem
m|chocolat chaud|-|hot chocolate|-|bebida,masa|-
m|cidre|-|cider|-|bebida,masa|-
m|dîner|-|dinner|-|plato,sin_the,masa|-
m|déjeuner|-|lunch|-|plato,sin_the,masa|-
m|petit-déjeuner|-|breakfast|-|plato,sin_the,masa|-
m|chat|chats|cat|cats|animal,animal_dom,dibujable,num,poseible|colanimal,tamg,edad,car
m|chien|chiens|dog|dogs|animal,animal_dom,dibujable,num,poseible|colanimal,tamg,edad,car
m|cheval|chevaux|horse|horses|animal,dibujable,num,poseible|colanimal,tamg
m|oiseau|oiseaux|bird|birds|animal,animal_dom,dibujable,num,poseible,audible|colanimal
m|lapin|lapins|rabbit|rabbits|animal,animal_dom,num,poseible|colanimal,tamg
f|vache|vaches|cow|cows|animal,num|-
f|souris|souris|mouse|mice|animal,num|-
f|tortue|tortues|turtle|turtles|animal,animal_dom,num,poseible|-
m|canard|canards|duck|ducks|animal,num|-
m|mouton|moutons|sheep|sheep|animal,num|-
m|cochon|cochons|pig|pigs|animal,num|-
m|lion|lions|lion|lions|animal|dan
m|éléphant|éléphants|elephant|elephants|animal,dibujable|-
m|ours|ours|bear|bears|animal|dan
m|singe|singes|monkey|monkeys|animal|-
m|serpent|serpents|snake|snakes|animal|dan
f|araignée|araignées|spider|spiders|animal|-
f|abeille|abeilles|bee|bees|animal|-
m|hamster|hamsters|hamster|hamsters|animal,animal_dom,poseible|-
m|loup|loups|wolf|wolves|animal|dan
f|poule|poules|hen|hens|animal,num|-
m|tigre|tigres|tiger|tigers|animal|dan
f|girafe|girafes|giraffe|giraffes|animal|-
f|chemise|chemises|shirt|shirts|ropa|col,pre,nue,lim
f|robe|robes|dress|dresses|ropa,regalo|col,pre,nue,bel
m|chapeau|chapeaux|hat|hats|ropa,llevable|col,nue
m|manteau|manteaux|coat|coats|ropa,llevable|col,pre,nue
f|veste|vestes|jacket|jackets|ropa,llevable|col,nue
f|jupe|jupes|skirt|skirts|ropa|col
f|chaussure|chaussures|shoe|shoes|ropa|col,nue,pre,com,lim
f|chaussette|chaussettes|sock|socks|ropa|col,lim
f|écharpe|écharpes|scarf|scarves|ropa,regalo,llevable|col
m|gant|gants|glove|gloves|ropa|col
m|pull|pulls|sweater|sweaters|ropa,regalo|col,nue,pre
f|casquette|casquettes|cap|caps|ropa|col
f|cravate|cravates|tie|ties|ropa,regalo|col
f|botte|bottes|boot|boots|ropa|col,nue
f|-|lunettes|-|glasses|objeto,llevable|nue,pre
f|montre|montres|watch|watches|objeto,regalo,reparable,fragil|nue,pre
f|clé|clés|key|keys|objeto,llevable,num|-
m|sac|sacs|bag|bags|objeto,llevable,abrible,cargable,contenedor|col,pes,nue,lle,pre
m|téléphone|téléphones|phone|phones|objeto,herramienta,reparable,fragil,llevable|nue,pre,cas
m|portefeuille|portefeuilles|wallet|wallets|objeto,llevable|nue,lle
m|parapluie|parapluies|umbrella|umbrellas|objeto,llevable|col,cas
m|stylo|stylos|pen|pens|objeto,herramienta,num|col
m|crayon|crayons|pencil|pencils|objeto,num|-
m|cahier|cahiers|notebook|notebooks|objeto,num,llevable|col,nue
m|ordinateur|ordinateurs|computer|computers|objeto,herramienta,reparable,encendible|nue,pre,vel
f|lampe|lampes|lamp|lamps|objeto,reparable,fragil,encendible|cas
f|valise|valises|suitcase|suitcases|objeto,abrible,cargable|pes,lle
m|billet|billets|ticket|tickets|objeto,llevable,num|pre
m|passeport|passeports|passport|passports|objeto,llevable|-
f|carte|cartes|map|maps|objeto,imagen,herramienta,llevable|-
f|tasse|tasses|cup|cups|objeto,fragil,llenable,num|lle
f|assiette|assiettes|plate|plates|fragil,num|lim,lle
m|couteau|couteaux|knife|knives|herramienta|-
f|bouteille|bouteilles|bottle|bottles|abrible,llenable,num|lle
f|boîte|boîtes|box|boxes|abrible,cargable,contenedor|lle,pes
f|photo|photos|photo|photos|imagen,num|bel
m|cadeau|cadeaux|gift|gifts|abrible,regalo,recibible|bel
m|ballon|ballons|ball|balls|objeto,num|col
m|jouet|jouets|toy|toys|objeto,fragil,num|nue,cas
f|radio|radios|radio|radios|encendible,reparable,audio|-
f|télé|télés|TV|TVs|encendible|-
f|horloge|horloges|clock|clocks|reparable|-
m|miroir|miroirs|mirror|mirrors|fragil|-
f|fleur|fleurs|flower|flowers|dibujable,regalo,num,recibible|col,bel
m|arbre|arbres|tree|trees|dibujable,num|tam,edad
f|lettre|lettres|letter|letters|legible,escribible,recibible|lon
m|livre|livres|book|books|legible,objeto,regalo,num,terminable|int,nue,pre,lon,dif,pes
m|journal|journaux|newspaper|newspapers|legible|-
m|magazine|magazines|magazine|magazines|legible|int
m|roman|romans|novel|novels|legible,regalo|int,lon
m|poème|poèmes|poem|poems|legible,escribible,aprendible|lon,bel
m|message|messages|message|messages|legible,escribible,recibible|lon
f|histoire|histoires|story|stories|escribible,legible|int,lon
f|chanson|chansons|song|songs|escribible,aprendible,audio|bel
f|carte postale|cartes postales|postcard|postcards|escribible,recibible|-
f|liste|listes|list|lists|escribible|lon
m|rapport|rapports|report|reports|escribible,terminable|lon
m|film|films|movie|movies|vision|int,lon
m|match|matchs|game|games|vision|int
m|bruit|bruits|noise|noises|audible|-
f|musique|-|music|-|audio,masa,audible|-
f|pluie|-|rain|-|audible,masa|-
f|leçon|leçons|lesson|lessons|comprensible|dif,int
f|question|questions|question|questions|comprensible,poseible|dif
m|problème|problèmes|problem|problems|comprensible,poseible|dif
f|réponse|réponses|answer|answers|comprensible,conocible|-
m|chemin|chemins|way|ways|conocible|-
f|vérité|vérités|truth|truths|conocible|-
m|-|devoirs|-|homework|terminable|-
m|exercice|exercices|exercise|exercises|terminable,comprensible|dif
f|règle|règles|rule|rules|comprensible|-
f|addition|additions|bill|bills|pagable|-
m|loyer|loyers|rent|rents|pagable|-
f|lumière|lumières|light|lights|encendible|-
m|colis|colis|package|packages|recibible,abrible|pes
m|bus|bus|bus|buses|vehiculo,transporte,num|-
m|train|trains|train|trains|vehiculo,transporte,num|vel
m|taxi|taxis|taxi|taxis|transporte|-
m|métro|métros|subway|subways|transporte|-
m|avion|avions|plane|planes|vehiculo,transporte,dibujable|-
f|voiture|voitures|car|cars|vehiculo,vehiculo_priv,poseible,reparable,limpiable,alquilable,dibujable,num|col,nue,pre,vel,tam,lim
m|vélo|vélos|bike|bikes|vehiculo,vehiculo_priv,poseible,reparable,alquilable,num|col,nue
f|moto|motos|motorcycle|motorcycles|vehiculo,vehiculo_priv,poseible|col,nue,vel
m|bateau|bateaux|boat|boats|vehiculo,dibujable,alquilable,poseible|tam,nue
f|maison|maisons|house|houses|dibujable,limpiable,poseible|tam,nue,bel,pre
m|appartement|appartements|apartment|apartments|poseible,alquilable,limpiable|tam,pre,bel,lim
f|chambre|chambres|bedroom|bedrooms|limpiable|tam,lim
f|cuisine|cuisines|kitchen|kitchens|limpiable|tam,lim
m|jardin|jardins|garden|gardens|poseible|tam,bel
f|ville|villes|city|cities|visitable|tam,bel,rui
m|village|villages|village|villages|visitable|tam,bel,rui
f|rue|rues|street|streets|-|rui,lon
m|château|châteaux|castle|castles|visitable|tam,bel
m|musée|musées|museum|museums|visitable|ape,int,tam
m|magasin|magasins|store|stores|-|ape
f|chaise|chaises|chair|chairs|mueble,reparable,num|com,nue
f|table|tables|table|tables|mueble,limpiable,num|tam,nue,lim
m|lit|lits|bed|beds|mueble|com,tam
m|canapé|canapés|sofa|sofas|mueble|com,nue
f|armoire|armoires|wardrobe|wardrobes|mueble|tam
m|bureau|bureaux|desk|desks|mueble|-
f|étagère|étagères|shelf|shelves|mueble|-
m|tiroir|tiroirs|drawer|drawers|contenedor|lle
f|porte|portes|door|doors|abrible,reparable|ape
f|fenêtre|fenêtres|window|windows|abrible,limpiable,fragil|ape,lim
f|plante|plantes|plant|plants|-|-
m|panier|paniers|basket|baskets|contenedor,cargable|lle
m|frigo|frigos|fridge|fridges|contenedor,abrible|lle
f|poche|poches|pocket|pockets|contenedor|-
m|lac|lacs|lake|lakes|-|tem
f|rivière|rivières|river|rivers|-|tem
m|argent|-|money|-|masa,poseible|-
f|aide|-|help|-|masa|-
f|idée|idées|idea|ideas|poseible|-
m|dictionnaire|dictionnaires|dictionary|dictionaries|objeto,herramienta|pes,nue
m|vase|vases|vase|vases|fragil|-
m|tableau|tableaux|painting|paintings|imagen|bel
m|ciel|-|sky|-|imagen,masa|-
f|étoile|étoiles|star|stars|imagen|-
"""


def _o_nada(texto: str) -> str | None:
    return None if texto == "-" else texto


def _leer_sustantivos() -> list[Sust]:
    lista = []
    for linea in _SUSTANTIVOS.strip().splitlines():
        genero, sg, pl, en_sg, en_pl, cats, adjs = linea.split("|")
        lista.append(
            Sust(
                genero, _o_nada(sg), _o_nada(pl), _o_nada(en_sg), _o_nada(en_pl),
                frozenset(c for c in cats.split(",") if c != "-"),
                frozenset(a for a in adjs.split(",") if a != "-"),
            )
        )
    return lista


SUSTANTIVOS = _leer_sustantivos()


def sust(clave: str) -> Sust:
    """Busca un sustantivo por su forma francesa (singular o, si no tiene, plural)."""
    for s in SUSTANTIVOS:
        if clave in (s.fr_sg, s.fr_pl):
            return s
    raise KeyError(clave)


def con_cat(*cats: str) -> list[Sust]:
    """Sustantivos que tienen alguna de las categorías pedidas."""
    return [s for s in SUSTANTIVOS if s.cats & set(cats)]


# =========================================================================================
# 4. Léxico: adjetivos
# =========================================================================================
@dataclass(frozen=True)
class Adj:
    """Adjetivo con sus cuatro formas (m, f, m pl, f pl) y su equivalente inglés."""

    formas: tuple[str, str, str, str]
    en: str
    cat: str
    pre: bool = False  # se coloca delante del sustantivo (une grande maison)
    m_vocal: str | None = None  # forma masculina ante vocal: bel, nouvel, vieil

    def forma(self, genero: str, plural: bool) -> str:
        return self.formas[(2 if plural else 0) + (1 if genero == "f" else 0)]


def _formas(spec: str) -> tuple[str, str, str, str]:
    """«fatigué» → formas regulares; «a/b/c/d» → explícitas; «=x» → invariable."""
    if spec.startswith("="):
        x = spec[1:]
        return (x, x, x, x)
    partes = spec.split("/")
    if len(partes) == 4:
        return (partes[0], partes[1], partes[2], partes[3])
    m = partes[0]
    if m.endswith("e"):
        return (m, m, m + "s", m + "s")
    if m.endswith(("s", "x")):
        return (m, m + "e", m, m + "es")
    return (m, m + "e", m + "s", m + "es")


# Adjetivos de persona: (formas, inglés, tipo). «estado» = pasajero, «rasgo» = carácter.
_ADJ_PERSONA = [
    ("fatigué", "tired", "estado"), ("content", "happy", "estado"),
    ("heureux/heureuse/heureux/heureuses", "happy", "estado"), ("triste", "sad", "estado"),
    ("malade", "sick", "estado"), ("occupé", "busy", "estado"), ("prêt", "ready", "estado"),
    ("=en colère", "angry", "estado"), ("fâché", "angry", "estado"),
    ("surpris/surprise/surpris/surprises", "surprised", "estado"),
    ("inquiet/inquiète/inquiets/inquiètes", "worried", "estado"),
    ("nerveux/nerveuse/nerveux/nerveuses", "nervous", "estado"), ("calme", "calm", "estado"),
    ("désolé", "sorry", "estado"), ("seul", "alone", "estado"), ("libre", "free", "estado"),
    ("perdu", "lost", "estado"), ("mouillé", "wet", "estado"), ("déçu", "disappointed", "estado"),
    ("fier/fière/fiers/fières", "proud", "estado"),
    ("jaloux/jalouse/jaloux/jalouses", "jealous", "estado"), ("pressé", "in a hurry", "estado"),
    ("=en retard", "late", "estado"), ("=en avance", "early", "estado"),
    ("=à l'heure", "on time", "estado"), ("réveillé", "awake", "estado"),
    ("stressé", "stressed", "estado"), ("amoureux/amoureuse/amoureux/amoureuses", "in love", "estado"),
    ("affamé", "starving", "estado"), ("épuisé", "exhausted", "estado"), ("ravi", "delighted", "estado"),
    ("blessé", "injured", "estado"), ("absent", "absent", "estado"), ("gêné", "embarrassed", "estado"),
    ("timide", "shy", "rasgo"), ("gentil/gentille/gentils/gentilles", "kind", "rasgo"),
    ("sympathique", "nice", "rasgo"), ("intelligent", "smart", "rasgo"), ("drôle", "funny", "rasgo"),
    ("poli", "polite", "rasgo"), ("grand", "tall", "rasgo"), ("petit", "short", "rasgo"),
    ("jeune", "young", "rasgo"), ("vieux/vieille/vieux/vieilles", "old", "rasgo"), ("âgé", "old", "rasgo"),
    ("fort", "strong", "rasgo"), ("riche", "rich", "rasgo"), ("pauvre", "poor", "rasgo"),
    ("célèbre", "famous", "rasgo"), ("paresseux/paresseuse/paresseux/paresseuses", "lazy", "rasgo"),
    ("courageux/courageuse/courageux/courageuses", "brave", "rasgo"), ("patient", "patient", "rasgo"),
    ("prudent", "careful", "rasgo"), ("sérieux/sérieuse/sérieux/sérieuses", "serious", "rasgo"),
    ("curieux/curieuse/curieux/curieuses", "curious", "rasgo"),
    ("généreux/généreuse/généreux/généreuses", "generous", "rasgo"), ("marié", "married", "rasgo"),
    ("célibataire", "single", "rasgo"), ("sportif/sportive/sportifs/sportives", "athletic", "rasgo"),
    ("bavard", "talkative", "rasgo"), ("mince", "thin", "rasgo"), ("honnête", "honest", "rasgo"),
    ("têtu", "stubborn", "rasgo"), ("malheureux/malheureuse/malheureux/malheureuses", "unhappy", "rasgo"),
]
ADJ_PERSONA = [Adj(_formas(f), en, cat) for f, en, cat in _ADJ_PERSONA]
# Adjetivos que no admiten «very» (married, late...).
NO_GRADUABLES = {"married", "single", "late", "early", "on time", "awake", "absent", "alone",
                 "free", "lost", "in love", "sorry", "starving", "exhausted", "in a hurry",
                 "delighted", "injured", "ready"}
# Comparativos y superlativos ingleses irregulares o sintéticos.
COMPARATIVOS_EN = {
    "tall": ("taller", "tallest"), "short": ("shorter", "shortest"), "young": ("younger", "youngest"),
    "old": ("older", "oldest"), "strong": ("stronger", "strongest"), "rich": ("richer", "richest"),
    "poor": ("poorer", "poorest"), "smart": ("smarter", "smartest"), "funny": ("funnier", "funniest"),
    "nice": ("nicer", "nicest"), "kind": ("kinder", "kindest"), "lazy": ("lazier", "laziest"),
    "thin": ("thinner", "thinnest"), "busy": ("busier", "busiest"), "happy": ("happier", "happiest"),
    "sad": ("sadder", "saddest"), "brave": ("braver", "bravest"), "shy": ("shyer", "shyest"),
    "big": ("bigger", "biggest"), "small": ("smaller", "smallest"), "fast": ("faster", "fastest"),
    "slow": ("slower", "slowest"), "cheap": ("cheaper", "cheapest"), "heavy": ("heavier", "heaviest"),
    "light": ("lighter", "lightest"), "long": ("longer", "longest"), "hot": ("hotter", "hottest"),
    "cold": ("colder", "coldest"), "easy": ("easier", "easiest"), "good": ("better", "best"),
    "bad": ("worse", "worst"), "pretty": ("prettier", "prettiest"), "huge": ("huger", "hugest"),
    "quiet": ("quieter", "quietest"), "noisy": ("noisier", "noisiest"), "new": ("newer", "newest"),
    "clean": ("cleaner", "cleanest"), "dirty": ("dirtier", "dirtiest"),
}


def comparativo_en(adj_en: str) -> str:
    """taller / more patient."""
    return COMPARATIVOS_EN[adj_en][0] if adj_en in COMPARATIVOS_EN else "more " + adj_en


def superlativo_en(adj_en: str) -> str:
    """the tallest / the most patient."""
    return "the " + (COMPARATIVOS_EN[adj_en][1] if adj_en in COMPARATIVOS_EN else "most " + adj_en)


# Adjetivos de cosas y animales: (formas, inglés, categoría, delante, forma ante vocal).
_ADJ_COSA = [
    ("cher/chère/chers/chères", "expensive", "pre", False, None),
    ("=bon marché", "cheap", "pre", False, None),
    ("chaud", "hot", "tem", False, None), ("froid", "cold", "tem", False, None),
    ("propre", "clean", "lim", False, None), ("sale", "dirty", "lim", False, None),
    ("neuf/neuve/neufs/neuves", "new", "nue", False, None),
    ("vieux/vieille/vieux/vieilles", "old", "nue", True, "vieil"),
    ("grand", "big", "tam", True, None), ("petit", "small", "tam", True, None),
    ("gros/grosse/gros/grosses", "big", "tamg", True, None), ("petit", "small", "tamg", True, None),
    ("énorme", "huge", "tam", False, None),
    ("lourd", "heavy", "pes", False, None), ("léger/légère/légers/légères", "light", "pes", False, None),
    ("long/longue/longs/longues", "long", "lon", True, None), ("court", "short", "lon", False, None),
    ("vide", "empty", "lle", False, None), ("plein", "full", "lle", False, None),
    ("ouvert", "open", "ape", False, None), ("fermé", "closed", "ape", False, None),
    ("cassé", "broken", "cas", False, None),
    ("facile", "easy", "dif", False, None), ("difficile", "difficult", "dif", False, None),
    ("délicieux/délicieuse/délicieux/délicieuses", "delicious", "sab", False, None),
    ("bon/bonne/bons/bonnes", "good", "sab", True, None),
    ("sucré", "sweet", "sab", False, None), ("salé", "salty", "sab", False, None),
    ("frais/fraîche/frais/fraîches", "fresh", "fre", False, None),
    ("mûr/mûre/mûrs/mûres", "ripe", "mad", False, None),
    ("beau/belle/beaux/belles", "beautiful", "bel", True, "bel"), ("joli", "pretty", "bel", True, None),
    ("rapide", "fast", "vel", False, None), ("lent", "slow", "vel", False, None),
    ("bruyant", "noisy", "rui", False, None), ("calme", "quiet", "rui", False, None),
    ("dangereux/dangereuse/dangereux/dangereuses", "dangerous", "dan", False, None),
    ("confortable", "comfortable", "com", False, None),
    ("intéressant", "interesting", "int", False, None),
    ("ennuyeux/ennuyeuse/ennuyeux/ennuyeuses", "boring", "int", False, None),
    ("gentil/gentille/gentils/gentilles", "friendly", "car", False, None),
    ("méchant", "mean", "car", False, None),
    ("jeune", "young", "edad", True, None), ("vieux/vieille/vieux/vieilles", "old", "edad", True, "vieil"),
]
ADJ_COSA = [Adj(_formas(f), en, cat, pre, mv) for f, en, cat, pre, mv in _ADJ_COSA]

_COLORES = [
    ("rouge", "red"), ("bleu", "blue"), ("vert", "green"), ("jaune", "yellow"), ("noir", "black"),
    ("blanc/blanche/blancs/blanches", "white"), ("gris/grise/gris/grises", "gray"), ("rose", "pink"),
    ("violet/violette/violets/violettes", "purple"), ("=orange", "orange"), ("=marron", "brown"),
]
COLORES = [Adj(_formas(f), en, "col") for f, en in _COLORES]
COLORES_FRUTA = [c for c in COLORES if c.en in {"red", "green", "yellow"}]
COLORES_ANIMAL = [c for c in COLORES if c.en in {"black", "white", "gray", "brown"}]
MEILLEUR = Adj(_formas("meilleur/meilleure/meilleurs/meilleures"), "better", "sab", True)
NUEVO = Adj(_formas("nouveau/nouvelle/nouveaux/nouvelles"), "new", "nue", True, "nouvel")


def adjetivos_para(n: Sust) -> list[Adj]:
    """Adjetivos (de cosa y de color) que combinan con un sustantivo."""
    lista = [a for a in ADJ_COSA if a.cat in n.adjs]
    if "col" in n.adjs:
        lista += COLORES
    if "colfruta" in n.adjs:
        lista += COLORES_FRUTA
    if "colanimal" in n.adjs:
        lista += COLORES_ANIMAL
    if n.fr_sg not in SALADOS:  # «salty peaches», «salty jam»: no
        lista = [a for a in lista if a.en != "salty"]
    if n.fr_sg not in DULCES:
        lista = [a for a in lista if a.en != "sweet"]
    return lista


SALADOS = {"soupe", "riz", "jambon", "fromage", "poisson", "poulet", "viande", "salade", "sandwich", "pizza",
           "hamburger", "biscuit", "tarte", "crêpe"}
DULCES = {"gâteau", "tarte", "biscuit", "crêpe", "confiture", "chocolat", "glace", "pomme", "fraise", "cerise",
          "pêche", "poire", "banane", "orange", "thé", "café", "limonade", "chocolat chaud"}


# =========================================================================================
# 5. Léxico: personas, lugares, países, idiomas, números, fechas
# =========================================================================================
@dataclass(frozen=True)
class Suj:
    """Un sujeto: su forma inglesa y una de sus realizaciones francesas."""

    en: str  # tal como va a mitad de frase: "I", "you", "my sister", "Tom"
    tipo: str  # concordancia inglesa: "1s", "2", "3s", "1p", "3p"
    pos_en: str | None  # posesivo inglés que le corresponde (my, your, his...)
    fr: str  # "je", "tu", "vous", "Tom", "ma sœur"
    persona: int  # 0..5 (je, tu, il, nous, vous, ils)
    genero: str
    plural: bool  # concordancia francesa (el «vous» de cortesía es singular)
    pron: str  # pronombre sujeto francés equivalente: je, tu, il, elle, nous, vous, ils, elles
    clase: str  # "pron", "nombre", "sn" o "duo"

    @property
    def tonico(self) -> str:
        return {"je": "moi", "tu": "toi", "il": "lui", "elle": "elle", "nous": "nous",
                "vous": "vous", "ils": "eux", "elles": "elles"}[self.pron]

    @property
    def tercera(self) -> bool:
        return self.tipo == "3s"


def _pron(en, tipo, pos, fr, persona, genero, plural, pron) -> Suj:
    return Suj(en, tipo, pos, fr, persona, genero, plural, pron, "pron")


PRONOMBRES = [
    _pron("I", "1s", "my", "je", 0, "m", False, "je"),
    _pron("I", "1s", "my", "je", 0, "f", False, "je"),
    _pron("you", "2", "your", "tu", 1, "m", False, "tu"),
    _pron("you", "2", "your", "tu", 1, "f", False, "tu"),
    _pron("you", "2", "your", "vous", 4, "m", False, "vous"),
    _pron("you", "2", "your", "vous", 4, "f", False, "vous"),
    _pron("you", "2", "your", "vous", 4, "m", True, "vous"),
    _pron("you", "2", "your", "vous", 4, "f", True, "vous"),
    _pron("he", "3s", "his", "il", 2, "m", False, "il"),
    _pron("she", "3s", "her", "elle", 2, "f", False, "elle"),
    _pron("we", "1p", "our", "nous", 3, "m", True, "nous"),
    _pron("we", "1p", "our", "nous", 3, "f", True, "nous"),
    _pron("they", "3p", "their", "ils", 5, "m", True, "ils"),
    _pron("they", "3p", "their", "elles", 5, "f", True, "elles"),
]

# Nombres de pila de orígenes variados, con su género.
NOMBRES_PROPIOS = [
    ("Tom", "m"), ("Lucas", "m"), ("Noé", "m"), ("Karim", "m"), ("Mehdi", "m"), ("Yanis", "m"),
    ("Jules", "m"), ("Moussa", "m"), ("Omar", "m"), ("Pierre", "m"), ("Théo", "m"), ("Diego", "m"),
    ("Ali", "m"), ("Kenji", "m"), ("Marie", "f"), ("Aïcha", "f"), ("Chloé", "f"), ("Inès", "f"),
    ("Zoé", "f"), ("Léa", "f"), ("Sofia", "f"), ("Fatou", "f"), ("Nadia", "f"), ("Emma", "f"),
    ("Julie", "f"), ("Anaïs", "f"), ("Élodie", "f"), ("Awa", "f"), ("Nina", "f"),
]
NOMBRES = [
    Suj(n, "3s", "his" if g == "m" else "her", n, 2, g, False, "il" if g == "m" else "elle", "nombre")
    for n, g in NOMBRES_PROPIOS
]
DUOS = [
    Suj(f"{a} and {b}", "3p", "their", f"{a} et {b}", 5, g, True, "ils" if g == "m" else "elles", "duo")
    for a, b, g in [("Tom", "Marie", "m"), ("Léa", "Zoé", "f"), ("Karim", "Omar", "m"),
                    ("Inès", "Lucas", "m"), ("Nadia", "Awa", "f"), ("Théo", "Jules", "m")]
]


def _sn(en: str, fr: str, genero: str, plural: bool = False, pos: str | None = "auto") -> Suj:
    if pos == "auto":
        pos = "their" if plural else ("his" if genero == "m" else "her")
    pron = ("ils" if genero == "m" else "elles") if plural else ("il" if genero == "m" else "elle")
    return Suj(en, "3p" if plural else "3s", pos, fr, 5 if plural else 2, genero, plural, pron, "sn")


SINTAGMAS = [
    _sn("my brother", "mon frère", "m"), _sn("my sister", "ma sœur", "f"),
    _sn("my mother", "ma mère", "f"), _sn("my father", "mon père", "m"),
    _sn("my parents", "mes parents", "m", True), _sn("my friend", "mon ami", "m"),
    _sn("my friend", "mon amie", "f"), _sn("the children", "les enfants", "m", True),
    _sn("the girls", "les filles", "f", True), _sn("the boys", "les garçons", "m", True),
    _sn("the students", "les étudiants", "m", True), _sn("the students", "les étudiantes", "f", True),
    _sn("our neighbors", "nos voisins", "m", True), _sn("our neighbors", "nos voisines", "f", True),
    _sn("my cousin", "mon cousin", "m"), _sn("my cousin", "ma cousine", "f"),
    _sn("the baby", "le bébé", "m", pos=None), _sn("your sister", "ta sœur", "f"),
    _sn("your sister", "votre sœur", "f"), _sn("your brother", "ton frère", "m"),
    _sn("your brother", "votre frère", "m"), _sn("his mother", "sa mère", "f"),
    _sn("her father", "son père", "m"), _sn("my grandmother", "ma grand-mère", "f"),
    _sn("my uncle", "mon oncle", "m"), _sn("my aunt", "ma tante", "f"),
    _sn("the doctor", "le médecin", "m"), _sn("the waiter", "le serveur", "m"),
    _sn("my wife", "ma femme", "f"), _sn("my husband", "mon mari", "m"),
    _sn("my son", "mon fils", "m"), _sn("my daughter", "ma fille", "f"),
    _sn("our teacher", "notre professeur", "m"), _sn("everyone", "tout le monde", "m", pos=None),
    _sn("my boss", "mon patron", "m"), _sn("my boss", "ma patronne", "f"),
]
TODOS_SUJETOS = PRONOMBRES + NOMBRES + DUOS + SINTAGMAS


def agrupar_sujetos(lista: list[Suj]) -> list[list[Suj]]:
    """Agrupa las realizaciones francesas de un mismo sujeto inglés (you → tu, vous...)."""
    grupos: dict[str, list[Suj]] = {}
    for s in lista:
        grupos.setdefault(s.en, []).append(s)
    return list(grupos.values())


def sujeto_pregunta_ok(s: Suj) -> bool:
    """En las preguntas evitamos sujetos que suenan raros («Do I eat?», «Does my wife live...?»)."""
    return s.en not in ("I", "we") and not s.en.startswith(("my ", "our "))


def elegir_sujeto(rng: random.Random, pesos=(45, 35, 15, 5), filtro: Callable[[Suj], bool] | None = None,
                  ) -> list[Suj]:
    """Elige un sujeto inglés (con todas sus variantes francesas) entre pronombres,
    nombres propios, sintagmas y parejas de nombres, con los pesos dados."""
    clases = [PRONOMBRES, NOMBRES, SINTAGMAS, DUOS]
    while True:
        clase = rng.choices(clases, weights=pesos)[0]
        grupos = agrupar_sujetos([s for s in clase if filtro is None or filtro(s)])
        if grupos:
            return rng.choice(grupos)


def nombre_al_azar(rng: random.Random, genero: str | None = None, distinto: str | None = None) -> Suj:
    opciones = [n for n in NOMBRES if (genero is None or n.genero == genero) and n.en != distinto]
    return rng.choice(opciones)


# Parientes y relaciones: inglés m, inglés f, francés m, f, m pl, f pl.
PARIENTES = [
    ("brother", "sister", "frère", "sœur", "frères", "sœurs"),
    ("cousin", "cousin", "cousin", "cousine", "cousins", "cousines"),
    ("friend", "friend", "ami", "amie", "amis", "amies"),
    ("neighbor", "neighbor", "voisin", "voisine", "voisins", "voisines"),
    ("colleague", "colleague", "collègue", "collègue", "collègues", "collègues"),
    ("son", "daughter", "fils", "fille", "fils", "filles"),
    ("husband", "wife", "mari", "femme", "maris", "femmes"),
    ("boyfriend", "girlfriend", "petit ami", "petite amie", "petits amis", "petites amies"),
    ("uncle", "aunt", "oncle", "tante", "oncles", "tantes"),
    ("father", "mother", "père", "mère", "pères", "mères"),
    ("boss", "boss", "patron", "patronne", "patrons", "patronnes"),
    ("best friend", "best friend", "meilleur ami", "meilleure amie", "meilleurs amis", "meilleures amies"),
    ("classmate", "classmate", "camarade de classe", "camarade de classe",
     "camarades de classe", "camarades de classe"),
    ("grandfather", "grandmother", "grand-père", "grand-mère", "grands-pères", "grands-mères"),
]

# Profesiones: inglés m, inglés f, francés m, francés f (sin artículo tras «être»).
PROFESIONES = [
    ("doctor", "doctor", "médecin", "médecin"), ("teacher", "teacher", "enseignant", "enseignante"),
    ("nurse", "nurse", "infirmier", "infirmière"), ("cook", "cook", "cuisinier", "cuisinière"),
    ("waiter", "waitress", "serveur", "serveuse"), ("actor", "actress", "acteur", "actrice"),
    ("singer", "singer", "chanteur", "chanteuse"), ("lawyer", "lawyer", "avocat", "avocate"),
    ("student", "student", "étudiant", "étudiante"), ("journalist", "journalist", "journaliste", "journaliste"),
    ("architect", "architect", "architecte", "architecte"), ("baker", "baker", "boulanger", "boulangère"),
    ("hairdresser", "hairdresser", "coiffeur", "coiffeuse"),
    ("police officer", "police officer", "policier", "policière"),
    ("dentist", "dentist", "dentiste", "dentiste"), ("pilot", "pilot", "pilote", "pilote"),
    ("musician", "musician", "musicien", "musicienne"),
    ("photographer", "photographer", "photographe", "photographe"),
    ("farmer", "farmer", "agriculteur", "agricultrice"),
    ("programmer", "programmer", "programmeur", "programmeuse"),
    ("mechanic", "mechanic", "mécanicien", "mécanicienne"), ("painter", "painter", "peintre", "peintre"),
    ("secretary", "secretary", "secrétaire", "secrétaire"),
    ("accountant", "accountant", "comptable", "comptable"),
    ("translator", "translator", "traducteur", "traductrice"),
    ("cashier", "cashier", "caissier", "caissière"), ("gardener", "gardener", "jardinier", "jardinière"),
    ("dancer", "dancer", "danseur", "danseuse"), ("scientist", "scientist", "scientifique", "scientifique"),
]


def plural_en(palabra: str) -> str:
    """Plural inglés regular (secretary → secretaries, actress → actresses, boss → bosses)."""
    if palabra.endswith("y") and palabra[-2:-1] not in "aeiou":
        return palabra[:-1] + "ies"
    if palabra.endswith(("ss", "sh", "ch", "x")):
        return palabra + "es"
    return palabra + "s"


def plural_fr(palabra: str) -> str:
    """Plural francés de las profesiones (todas regulares en -s)."""
    return palabra if palabra.endswith(("s", "x")) else palabra + "s"


@dataclass(frozen=True)
class Lugar:
    """Un lugar al que se va o en el que se está."""

    fr: str  # sustantivo francés
    genero: str
    en_nom: str  # sintagma inglés: "the station"
    en_a: str  # "to the station"
    en_en: str  # "at the station"
    prep: str  # "à", "dans" o "chez"
    edificio: bool = True  # sirve para «¿dónde está...?» y «cerca de...»

    def fr_sn(self) -> str:
        """«la gare», «le marché» (sin contraer)."""
        return ("le " if self.genero == "m" else "la ") + self.fr

    def fr_con_prep(self) -> str:
        """«à la gare», «à le marché» (pulir_frances lo contrae en «au marché»), «chez le médecin»."""
        return f"{self.prep} {self.fr_sn()}"


LUGARES = [
    Lugar("gare", "f", "the station", "to the station", "at the station", "à"),
    Lugar("école", "f", "the school", "to school", "at school", "à"),
    Lugar("plage", "f", "the beach", "to the beach", "at the beach", "à", False),
    Lugar("marché", "m", "the market", "to the market", "at the market", "à"),
    Lugar("musée", "m", "the museum", "to the museum", "at the museum", "à"),
    Lugar("bibliothèque", "f", "the library", "to the library", "at the library", "à"),
    Lugar("banque", "f", "the bank", "to the bank", "at the bank", "à"),
    Lugar("cinéma", "m", "the movie theater", "to the movies", "at the movies", "à"),
    Lugar("hôpital", "m", "the hospital", "to the hospital", "at the hospital", "à"),
    Lugar("aéroport", "m", "the airport", "to the airport", "at the airport", "à", False),
    Lugar("parc", "m", "the park", "to the park", "in the park", "à"),
    Lugar("église", "f", "the church", "to church", "at church", "à"),
    Lugar("piscine", "f", "the pool", "to the pool", "at the pool", "à"),
    Lugar("restaurant", "m", "the restaurant", "to the restaurant", "at the restaurant", "à"),
    Lugar("supermarché", "m", "the supermarket", "to the supermarket", "at the supermarket", "à"),
    Lugar("boulangerie", "f", "the bakery", "to the bakery", "at the bakery", "à"),
    Lugar("pharmacie", "f", "the pharmacy", "to the pharmacy", "at the pharmacy", "à"),
    Lugar("bureau", "m", "the office", "to the office", "at the office", "à", False),
    Lugar("université", "f", "the university", "to the university", "at the university", "à"),
    Lugar("théâtre", "m", "the theater", "to the theater", "at the theater", "à"),
    Lugar("poste", "f", "the post office", "to the post office", "at the post office", "à"),
    Lugar("zoo", "m", "the zoo", "to the zoo", "at the zoo", "à", False),
    Lugar("stade", "m", "the stadium", "to the stadium", "at the stadium", "à"),
    Lugar("hôtel", "m", "the hotel", "to the hotel", "at the hotel", "à"),
    Lugar("café", "m", "the café", "to the café", "at the café", "à"),
    Lugar("travail", "m", "work", "to work", "at work", "à", False),
    Lugar("concert", "m", "the concert", "to the concert", "at the concert", "à", False),
    Lugar("fête", "f", "the party", "to the party", "at the party", "à", False),
    Lugar("mer", "f", "the sea", "to the seaside", "at the seaside", "à", False),
    Lugar("montagne", "f", "the mountains", "to the mountains", "in the mountains", "à", False),
    Lugar("campagne", "f", "the countryside", "to the countryside", "in the countryside", "à", False),
    Lugar("cuisine", "f", "the kitchen", "into the kitchen", "in the kitchen", "dans", False),
    Lugar("jardin", "m", "the garden", "into the garden", "in the garden", "dans", False),
    Lugar("salon", "m", "the living room", "into the living room", "in the living room", "dans", False),
    Lugar("lit", "m", "bed", "to bed", "in bed", "à", False),
    Lugar("médecin", "m", "the doctor", "to the doctor's", "at the doctor's", "chez", False),
    Lugar("dentiste", "m", "the dentist", "to the dentist's", "at the dentist's", "chez", False),
    Lugar("coiffeur", "m", "the hairdresser", "to the hairdresser's", "at the hairdresser's", "chez", False),
    Lugar("boulanger", "m", "the baker", "to the baker's", "at the baker's", "chez", False),
]
EDIFICIOS = [lugar for lugar in LUGARES if lugar.edificio]


@dataclass(frozen=True)
class Pais:
    fr: str
    tipo: str  # "f" (en France), "m" (au Canada), "mv" (en Iran), "pl" (aux États-Unis)
    en: str  # "France", "the United States"

    def en_fr(self) -> str:
        """Preposición de lugar: en France, au Canada, en Iran, aux États-Unis."""
        return {"f": "en ", "mv": "en ", "m": "au ", "pl": "aux "}[self.tipo] + self.fr

    def de_fr(self) -> str:
        """Procedencia: de France, de Iran (→ d'Iran), de le Canada (→ du), de les (→ des)."""
        return {"f": "de ", "mv": "de ", "m": "de le ", "pl": "de les "}[self.tipo] + self.fr

    def con_articulo(self) -> str:
        """la France, l'Italie, le Canada, les États-Unis (sin elidir; lo hace pulir_frances)."""
        return {"f": "la ", "mv": "le ", "m": "le ", "pl": "les "}[self.tipo] + self.fr


PAISES = [Pais(fr, t, en) for fr, t, en in [
    ("France", "f", "France"), ("Espagne", "f", "Spain"), ("Italie", "f", "Italy"),
    ("Allemagne", "f", "Germany"), ("Belgique", "f", "Belgium"), ("Suisse", "f", "Switzerland"),
    ("Chine", "f", "China"), ("Inde", "f", "India"), ("Russie", "f", "Russia"), ("Grèce", "f", "Greece"),
    ("Angleterre", "f", "England"), ("Irlande", "f", "Ireland"), ("Algérie", "f", "Algeria"),
    ("Tunisie", "f", "Tunisia"), ("Australie", "f", "Australia"), ("Argentine", "f", "Argentina"),
    ("Colombie", "f", "Colombia"), ("Égypte", "f", "Egypt"), ("Turquie", "f", "Turkey"),
    ("Norvège", "f", "Norway"), ("Suède", "f", "Sweden"), ("Autriche", "f", "Austria"),
    ("Corée du Sud", "f", "South Korea"), ("Côte d'Ivoire", "f", "Ivory Coast"),
    ("Canada", "m", "Canada"), ("Japon", "m", "Japan"), ("Portugal", "m", "Portugal"),
    ("Brésil", "m", "Brazil"), ("Mexique", "m", "Mexico"), ("Maroc", "m", "Morocco"),
    ("Sénégal", "m", "Senegal"), ("Pérou", "m", "Peru"), ("Chili", "m", "Chile"),
    ("Danemark", "m", "Denmark"), ("Vietnam", "m", "Vietnam"), ("Luxembourg", "m", "Luxembourg"),
    ("Royaume-Uni", "m", "the United Kingdom"), ("Cameroun", "m", "Cameroon"), ("Mali", "m", "Mali"),
    ("Iran", "mv", "Iran"), ("Équateur", "mv", "Ecuador"),
    ("États-Unis", "pl", "the United States"), ("Pays-Bas", "pl", "the Netherlands"),
    ("Philippines", "pl", "the Philippines"),
]]


def pais(fr: str) -> Pais:
    return next(p for p in PAISES if p.fr == fr)


# Ciudades: (francés, inglés, país, es capital).
CIUDADES = [
    ("Paris", "Paris", "France", True), ("Madrid", "Madrid", "Espagne", True),
    ("Rome", "Rome", "Italie", True), ("Berlin", "Berlin", "Allemagne", True),
    ("Bruxelles", "Brussels", "Belgique", True), ("Berne", "Bern", "Suisse", True),
    ("Pékin", "Beijing", "Chine", True), ("New Delhi", "New Delhi", "Inde", True),
    ("Moscou", "Moscow", "Russie", True), ("Athènes", "Athens", "Grèce", True),
    ("Dublin", "Dublin", "Irlande", True), ("Alger", "Algiers", "Algérie", True),
    ("Tunis", "Tunis", "Tunisie", True), ("Canberra", "Canberra", "Australie", True),
    ("Buenos Aires", "Buenos Aires", "Argentine", True), ("Bogota", "Bogota", "Colombie", True),
    ("Ankara", "Ankara", "Turquie", True), ("Oslo", "Oslo", "Norvège", True),
    ("Stockholm", "Stockholm", "Suède", True), ("Vienne", "Vienna", "Autriche", True),
    ("Séoul", "Seoul", "Corée du Sud", True), ("Ottawa", "Ottawa", "Canada", True),
    ("Tokyo", "Tokyo", "Japon", True), ("Lisbonne", "Lisbon", "Portugal", True),
    ("Brasilia", "Brasilia", "Brésil", True), ("Mexico", "Mexico City", "Mexique", True),
    ("Rabat", "Rabat", "Maroc", True), ("Dakar", "Dakar", "Sénégal", True),
    ("Lima", "Lima", "Pérou", True), ("Santiago", "Santiago", "Chili", True),
    ("Copenhague", "Copenhagen", "Danemark", True), ("Hanoï", "Hanoi", "Vietnam", True),
    ("Londres", "London", "Royaume-Uni", True), ("Yaoundé", "Yaoundé", "Cameroun", True),
    ("Bamako", "Bamako", "Mali", True), ("Téhéran", "Tehran", "Iran", True),
    ("Quito", "Quito", "Équateur", True), ("Washington", "Washington", "États-Unis", True),
    ("Amsterdam", "Amsterdam", "Pays-Bas", True), ("Manille", "Manila", "Philippines", True),
    ("Lyon", "Lyon", "France", False), ("Marseille", "Marseille", "France", False),
    ("Nice", "Nice", "France", False), ("Bordeaux", "Bordeaux", "France", False),
    ("Toulouse", "Toulouse", "France", False), ("Montréal", "Montreal", "Canada", False),
    ("Toronto", "Toronto", "Canada", False), ("Genève", "Geneva", "Suisse", False),
    ("Barcelone", "Barcelona", "Espagne", False), ("Séville", "Seville", "Espagne", False),
    ("Venise", "Venice", "Italie", False), ("Milan", "Milan", "Italie", False),
    ("Naples", "Naples", "Italie", False), ("Munich", "Munich", "Allemagne", False),
    ("New York", "New York", "États-Unis", False), ("Casablanca", "Casablanca", "Maroc", False),
    ("Marrakech", "Marrakesh", "Maroc", False), ("Osaka", "Osaka", "Japon", False),
    ("Kyoto", "Kyoto", "Japon", False), ("Sydney", "Sydney", "Australie", False),
    ("Porto", "Porto", "Portugal", False), ("Abidjan", "Abidjan", "Côte d'Ivoire", False),
]

IDIOMAS = [
    ("français", "French"), ("anglais", "English"), ("espagnol", "Spanish"), ("allemand", "German"),
    ("italien", "Italian"), ("arabe", "Arabic"), ("chinois", "Chinese"), ("japonais", "Japanese"),
    ("portugais", "Portuguese"), ("russe", "Russian"), ("néerlandais", "Dutch"), ("grec", "Greek"),
    ("turc", "Turkish"), ("wolof", "Wolof"), ("coréen", "Korean"), ("polonais", "Polish"),
    ("suédois", "Swedish"), ("hébreu", "Hebrew"), ("vietnamien", "Vietnamese"), ("hindi", "Hindi"),
]

# Gentilicios (en francés van en minúscula cuando son adjetivos).
NACIONALIDADES = [Adj(_formas(f), en, "nac") for f, en in [
    ("français/française/français/françaises", "French"), ("anglais/anglaise/anglais/anglaises", "English"),
    ("canadien/canadienne/canadiens/canadiennes", "Canadian"), ("belge", "Belgian"), ("suisse", "Swiss"),
    ("italien/italienne/italiens/italiennes", "Italian"), ("espagnol", "Spanish"), ("allemand", "German"),
    ("japonais/japonaise/japonais/japonaises", "Japanese"), ("chinois/chinoise/chinois/chinoises", "Chinese"),
    ("marocain", "Moroccan"), ("sénégalais/sénégalaise/sénégalais/sénégalaises", "Senegalese"),
    ("algérien/algérienne/algériens/algériennes", "Algerian"), ("mexicain", "Mexican"),
    ("brésilien/brésilienne/brésiliens/brésiliennes", "Brazilian"), ("américain", "American"),
    ("russe", "Russian"), ("grec/grecque/grecs/grecques", "Greek"),
    ("portugais/portugaise/portugais/portugaises", "Portuguese"),
    ("tunisien/tunisienne/tunisiens/tunisiennes", "Tunisian"),
    ("irlandais/irlandaise/irlandais/irlandaises", "Irish"), ("turc/turque/turcs/turques", "Turkish"),
    ("argentin", "Argentinian"), ("vietnamien/vietnamienne/vietnamiens/vietnamiennes", "Vietnamese"),
    ("coréen/coréenne/coréens/coréennes", "Korean"), ("ivoirien/ivoirienne/ivoiriens/ivoiriennes", "Ivorian"),
]]

NUM_FR = ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
          "dix-neuf", "vingt"]
NUM_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen", "twenty"]
ORDINALES_EN = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]


def num_fr(n: int, genero: str = "m") -> str:
    """Número en letras; «un» concuerda: une pomme, vingt et une no hace falta (máx. 20)."""
    return "une" if (n == 1 and genero == "f") else NUM_FR[n]


DIAS = [("lundi", "Monday"), ("mardi", "Tuesday"), ("mercredi", "Wednesday"), ("jeudi", "Thursday"),
        ("vendredi", "Friday"), ("samedi", "Saturday"), ("dimanche", "Sunday")]
MESES = [("janvier", "January"), ("février", "February"), ("mars", "March"), ("avril", "April"),
         ("mai", "May"), ("juin", "June"), ("juillet", "July"), ("août", "August"),
         ("septembre", "September"), ("octobre", "October"), ("novembre", "November"),
         ("décembre", "December")]


# =========================================================================================
# 6. Motor gramatical: inglés
# =========================================================================================
_BE_CONTRAIDO = {"I": "I'm", "you": "you're", "he": "he's", "she": "she's", "we": "we're", "they": "they're"}


def _be(s: Suj) -> str:
    return {"1s": "am", "3s": "is"}.get(s.tipo, "are")


def be_en(s: Suj, rng: random.Random, neg: bool = False) -> str:
    """«I'm», «Tom is», «you aren't», «she's not», «I am not»... con contracciones variadas."""
    forma = _be(s)
    if s.clase == "pron":
        r = rng.random()
        if not neg:
            return _BE_CONTRAIDO[s.en] if r < 0.85 else f"{s.en} {forma}"
        if s.en == "I":
            return "I'm not" if r < 0.85 else "I am not"
        if r < 0.5:
            return f"{s.en} {forma}n't"
        if r < 0.85:
            return _BE_CONTRAIDO[s.en] + " not"
        return f"{s.en} {forma} not"
    if not neg:
        return f"{s.en} {forma}"
    return f"{s.en} {forma}n't" if rng.random() < 0.8 else f"{s.en} {forma} not"


def do_en(s: Suj, rng: random.Random, pasado: bool = False) -> str:
    """Auxiliar negativo: don't / doesn't / didn't (a veces sin contraer)."""
    aux = "did" if pasado else ("does" if s.tercera else "do")
    return f"{aux}n't" if rng.random() < 0.85 else f"{aux} not"


def have_en(s: Suj) -> str:
    return "has" if s.tercera else "have"


def verbo_en(s: Suj, formas: tuple[str, ...], tiempo: str, rng: random.Random, neg: bool = False) -> str:
    """Sujeto + verbo inglés en presente simple («pres»), progresivo («prog»), pasado («pas»)
    o futuro con «going to» («fut»), en afirmativa o negativa."""
    base, s3, pasado, _, ing = formas[:5]
    if tiempo == "pres":
        if neg:
            return f"{s.en} {do_en(s, rng)} {base}"
        return f"{s.en} {s3 if s.tercera else base}"
    if tiempo == "prog":
        return f"{be_en(s, rng, neg)} {ing}"
    if tiempo == "pas":
        if neg:
            return f"{s.en} {do_en(s, rng, pasado=True)} {base}"
        return f"{s.en} {pasado}"
    if tiempo == "fut":
        return f"{be_en(s, rng, neg)} going to {base}"
    raise ValueError(tiempo)


def pregunta_en(s: Suj, formas: tuple[str, ...], tiempo: str) -> str:
    """«do you eat», «does Tom eat», «are you eating», «did Tom eat», «are you going to eat»."""
    base, _, _, _, ing = formas[:5]
    if tiempo == "pres":
        return f"{'does' if s.tercera else 'do'} {s.en} {base}"
    if tiempo == "prog":
        return f"{_be(s)} {s.en} {ing}"
    if tiempo == "pas":
        return f"did {s.en} {base}"
    if tiempo == "fut":
        return f"{_be(s)} {s.en} going to {base}"
    raise ValueError(tiempo)


def formas_en(texto: str) -> tuple[str, str, str, str, str]:
    """«look for|looks for|...» → tupla de cinco formas."""
    partes = texto.split("|")
    assert len(partes) == 5, texto
    return (partes[0], partes[1], partes[2], partes[3], partes[4])


def sn_en(n: Sust, det: str, plural: bool = False, pos_en: str | None = None, adj: str | None = None,
          num: int = 0, some: bool = False, lejos: bool = False) -> str:
    """Sintagma nominal inglés: the book, a book, some bread, my keys, this car, three cats."""
    pl = plural or n.en_sg is None or (det == "num" and num != 1)
    if det == "num" and num == 1:
        pl = False
    nucleo = n.en(pl)
    if adj:
        nucleo = f"{adj} {nucleo}"
    if det == "def":
        return nucleo if "sin_the" in n.cats else "the " + nucleo
    if det == "indef":
        if pl or n.masa:
            return ("some " if some else "") + nucleo
        return un_en(nucleo)
    if det == "part":
        return ("some " if some else "") + nucleo
    if det == "any":
        return ("any " + nucleo) if (pl or n.masa) else un_en(nucleo)
    if det == "pos":
        assert pos_en
        return f"{pos_en} {nucleo}"
    if det == "dem":
        if lejos:
            return ("those " if pl else "that ") + nucleo
        return ("these " if pl else "this ") + nucleo
    if det == "num":
        return f"{NUM_EN[num]} {nucleo}"
    raise ValueError(det)


# =========================================================================================
# 7. Motor gramatical: francés
# =========================================================================================
POSESIVOS_FR = [("mon", "ma", "mes"), ("ton", "ta", "tes"), ("son", "sa", "ses"),
                ("notre", "notre", "nos"), ("votre", "votre", "vos"), ("leur", "leur", "leurs")]
# Persona francesa de cada posesivo inglés (para «your» hay dos: ton y votre).
PERSONAS_POSESIVO = {"my": [0], "your": [1, 4], "his": [2], "her": [2], "our": [3], "their": [5]}


def sn_fr(n: Sust, det: str, plural: bool = False, persona: int = 2, adj: Adj | None = None,
          num: int = 0) -> str:
    """Sintagma nominal francés sin pulir: «le livre», «de le pain» (→ du pain), «mes clés»."""
    pl = plural or n.solo_plural or (det == "num" and num != 1)
    if det == "num" and num == 1:
        pl = False
    g = n.genero
    nucleo = n.fr(pl)
    if adj is not None:
        forma = adj.forma(g, pl)
        if adj.pre:
            if not pl and g == "m" and adj.m_vocal and admite_elision(nucleo):
                forma = adj.m_vocal  # un bel hôtel, un vieil arbre, un nouvel ordinateur
            nucleo = f"{forma} {nucleo}"
        else:
            nucleo = f"{nucleo} {forma}"
    if det == "def":
        art = "les" if pl else ("le" if g == "m" else "la")
    elif det == "indef":
        if pl:
            art = "de" if (adj is not None and adj.pre) else "des"  # de belles fleurs
        else:
            art = "un" if g == "m" else "une"
    elif det == "part":
        art = "de les" if pl else ("de le" if g == "m" else "de la")
    elif det == "de":  # tras negación o cantidad: pas de pain, beaucoup d'amis
        art = "de"
    elif det == "dem":
        if pl:
            art = "ces"
        elif g == "f":
            art = "cette"
        else:
            art = "cet" if admite_elision(nucleo) else "ce"
    elif det == "pos":
        art = POSESIVOS_FR[persona][2 if pl else (0 if g == "m" else 1)]
    elif det == "num":
        art = num_fr(num, g)
    else:
        raise ValueError(det)
    return f"{art} {nucleo}"


def acordar_pp(v: Verbo, s: Suj) -> str:
    """Participio con concordancia si el auxiliar es «être» (elle est partie, ils sont arrivés)."""
    pp = v.pp
    if v.aux == "être" or v.pron:
        if s.genero == "f":
            pp += "e"
        if s.plural and not pp.endswith("s"):
            pp += "s"
    return pp


def reflexivo(v: Verbo, s: Suj) -> str:
    return (REFLEXIVOS[s.persona] + " ") if v.pron else ""


def infinitivo_fr(v: Verbo, s: Suj) -> str:
    """Infinitivo con el pronombre reflexivo que concuerda con el sujeto: «me lever»."""
    return reflexivo(v, s) + v.inf


def auxiliar(v: Verbo) -> Verbo:
    return VERBOS["être"] if (v.aux == "être" or v.pron) else VERBOS["avoir"]


def fr_presente(s: Suj, v: Verbo, resto: str = "", neg: str | None = None, adv: str = "") -> str:
    """«je mange une pomme», «tom ne boit jamais de café», «nous nous levons tôt»."""
    forma = v.pres[s.persona]
    refl = reflexivo(v, s)
    if neg:
        return f"{s.fr} ne {refl}{forma} {neg} {adv} {resto}"
    return f"{s.fr} {refl}{forma} {adv} {resto}"


def fr_compuesto(s: Suj, v: Verbo, resto: str = "", neg: str | None = None, adv: str = "") -> str:
    """Passé composé con el auxiliar correcto y concordancia: «elle est partie», «j'ai bien dormi»."""
    aux = auxiliar(v).pres[s.persona]
    refl = reflexivo(v, s)
    pp = acordar_pp(v, s)
    if neg:
        return f"{s.fr} ne {refl}{aux} {neg} {adv} {pp} {resto}"
    return f"{s.fr} {refl}{aux} {adv} {pp} {resto}"


def fr_perifrasis(s: Suj, semiaux: Verbo, v: Verbo, resto: str = "", neg: str | None = None) -> str:
    """Futuro próximo y modales: «je vais manger», «tom ne peut pas venir», «elle veut se reposer»."""
    forma = semiaux.pres[s.persona]
    inf = reflexivo(v, s) + v.inf
    if neg:
        return f"{s.fr} ne {forma} {neg} {inf} {resto}"
    return f"{s.fr} {forma} {inf} {resto}"


ESTILOS_PREGUNTA = ("entonacion", "est-ce que", "inversion")


def fr_pregunta(s: Suj, forma: str, resto: str, estilo_p: str, interrogativo: str = "") -> str | None:
    """Pregunta total o parcial en tres estilos.

    - entonación: «tu aimes le thé ?»
    - est-ce que: «est-ce que tom aime le thé ?»
    - inversión: «aimes-tu le thé ?», «tom aime-t-il le thé ?», «a-t-elle faim ?»

    ``forma`` es el verbo conjugado (el auxiliar en los tiempos compuestos). Devuelve
    ``None`` cuando el estilo no sirve (no se invierte «je» ni los verbos pronominales,
    que pasan antes el pronombre).
    """
    pre = f"{interrogativo} " if interrogativo else ""
    if estilo_p == "entonacion":
        if interrogativo:  # «tu vas où ?» es oral; preferimos las otras dos
            return None
        return f"{s.fr} {forma} {resto}"
    if estilo_p == "est-ce que":
        return f"{pre}est-ce que {s.fr} {forma} {resto}"
    if estilo_p == "inversion":
        if s.pron == "je" or " " in forma:
            return None
        t = "t-" if s.pron in ("il", "elle") and forma[-1] in "ae" else ""
        invertido = f"{forma}-{t}{s.pron}"
        if s.clase == "pron":
            return f"{pre}{invertido} {resto}"
        return f"{pre}{s.fr} {invertido} {resto}"
    raise ValueError(estilo_p)


def preguntas_fr(s: Suj, forma: str, resto: str, interrogativo: str = "") -> list[str]:
    """Todas las variantes válidas de una pregunta, ya terminadas con «\u202f?»."""
    salida = []
    for e in ESTILOS_PREGUNTA:
        cuerpo = fr_pregunta(s, forma, resto, e, interrogativo)
        if cuerpo:
            salida.append(frase_fr(cuerpo, "?"))
    return salida



# =========================================================================================
# 8. Marcos (plantillas). Cada marco es una función rng → lista de pares (inglés, francés);
#    una llamada elige una frase inglesa y devuelve todas sus traducciones correctas.
# =========================================================================================
Pares = list[tuple[str, str]]
V = VERBOS


def completar(plantilla_fr: str, **campos: str) -> str:
    """Rellena una plantilla francesa («{X} est-{il} là ?») y la termina con frase_fr."""
    texto = plantilla_fr.format(**campos)
    if texto.endswith((" ?", " !")):
        return frase_fr(texto[:-2], texto[-1])
    assert texto.endswith("."), texto
    return frase_fr(texto[:-1], ".")


def completar_en(plantilla_en: str, **campos: str) -> str:
    texto = plantilla_en.format(**campos)
    return mayuscula_inicial(texto)


def _por_en(adjs: list[Adj]) -> dict[str, list[Adj]]:
    tabla: dict[str, list[Adj]] = {}
    for a in adjs:
        tabla.setdefault(a.en, []).append(a)
    return tabla


ADJ_PERSONA_EN = _por_en(ADJ_PERSONA)
NINOS = {"the children", "the girls", "the boys", "the baby"}
SOLO_ADULTOS = {"married", "single", "famous", "rich", "poor", "stressed", "in love"}
ADJ_BEBE = {"tired", "happy", "sad", "sick", "calm", "awake", "wet"}


def _adj_persona_ok(s: Suj, en_adj: str) -> bool:
    if s.en == "the baby":
        return en_adj in ADJ_BEBE
    if s.en in NINOS:
        return en_adj not in SOLO_ADULTOS
    return True


def marco_ser_adjetivo(modo: str) -> Callable[[random.Random], Pares]:
    """I'm tired. / Tom isn't ready. / Are you happy? → Je suis fatigué(e)..."""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng)
        s0 = grupo[0]
        en_adj = rng.choice(list(ADJ_PERSONA_EN))
        if not _adj_persona_ok(s0, en_adj):
            return []
        if modo == "preg" and s0.en in ("I", "we") and en_adj not in {"late", "early", "on time", "ready", "lost"}:
            return []  # «Am I late?» sí; «Am I tall?» no
        if modo == "preg" and s0.en.startswith(("my ", "our ")):
            return []
        muy = en_adj not in NO_GRADUABLES and rng.random() < 0.15
        texto_adj = ("very " if muy else "") + en_adj
        if modo == "af":
            en = frase_en(f"{be_en(s0, rng)} {texto_adj}")
        elif modo == "neg":
            en = frase_en(f"{be_en(s0, rng, neg=True)} {texto_adj}")
        else:
            en = frase_en(f"{_be(s0)} {s0.en} {texto_adj}", "?")
        pares: Pares = []
        for s in grupo:
            etre = V["être"].pres[s.persona]
            for a in ADJ_PERSONA_EN[en_adj]:
                atributo = ("très " if muy else "") + a.forma(s.genero, s.plural)
                if modo == "af":
                    pares.append((en, frase_fr(f"{s.fr} {etre} {atributo}")))
                elif modo == "neg":
                    pares.append((en, frase_fr(f"{s.fr} ne {etre} pas {atributo}")))
                else:
                    pares += [(en, fr) for fr in preguntas_fr(s, etre, atributo)]
        return pares

    return fabrica


# Expresiones con «avoir»: (inglés, francés, francés tras negación, admite «very»).
EXPR_AVOIR = [
    ("hungry", "faim", "faim", True), ("thirsty", "soif", "soif", True), ("cold", "froid", "froid", True),
    ("hot", "chaud", "chaud", True), ("scared", "peur", "peur", True), ("sleepy", "sommeil", "sommeil", True),
    ("right", "raison", "raison", False), ("wrong", "tort", "tort", False),
    ("lucky", "de la chance", "de chance", False),
]


def marco_avoir(modo: str) -> Callable[[random.Random], Pares]:
    """I'm hungry. → J'ai faim. / Tom isn't cold. → Tom n'a pas froid. / Are you thirsty?"""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en != "the baby")
        s0 = grupo[0]
        en_e, fr_e, fr_neg, graduable = rng.choice(EXPR_AVOIR)
        if modo == "preg" and s0.en in ("I", "we") and en_e not in ("right", "wrong"):
            return []  # «Am I right?» sí; «Am I hungry?» no
        if modo == "preg" and s0.en.startswith(("my ", "our ")):
            return []
        muy = graduable and rng.random() < 0.2
        if muy:
            en_e, fr_e = "very " + en_e, "très " + fr_e
        if modo == "af":
            en = frase_en(f"{be_en(s0, rng)} {en_e}")
        elif modo == "neg":
            en = frase_en(f"{be_en(s0, rng, neg=True)} {en_e}")
        else:
            en = frase_en(f"{_be(s0)} {s0.en} {en_e}", "?")
        pares: Pares = []
        for s in grupo:
            avoir = V["avoir"].pres[s.persona]
            if modo == "af":
                pares.append((en, frase_fr(f"{s.fr} {avoir} {fr_e}")))
            elif modo == "neg":
                pares.append((en, frase_fr(f"{s.fr} ne {avoir} pas {fr_e if muy else fr_neg}")))
            else:
                pares += [(en, fr) for fr in preguntas_fr(s, avoir, fr_e)]
        return pares

    return fabrica


_ANIMALES_MIEDO = ["chien", "chat", "araignée", "serpent", "abeille", "souris", "loup", "ours",
                   "lion", "cheval", "oiseau", "tigre"]
MIEDOS = [(sust(a).en(True), "de les " + sust(a).fr(True)) for a in _ANIMALES_MIEDO] + [
    ("the dark", "de le noir"), ("the dentist", "de le dentiste"), ("storms", "de les orages"),
    ("the sea", "de la mer"), ("water", "de le eau"), ("exams", "de les examens"),
    ("heights", "de le vide"), ("ghosts", "de les fantômes"), ("flying", "de prendre le avion"),
    ("the doctor", "de le médecin"), ("the future", "de le avenir"),
]


def marco_miedo(modo: str) -> Callable[[random.Random], Pares]:
    """I'm afraid of spiders. → J'ai peur des araignées."""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en != "the baby"
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        s0 = grupo[0]
        en_o, fr_o = rng.choice(MIEDOS)
        if modo == "af":
            en = frase_en(f"{be_en(s0, rng)} afraid of {en_o}")
        elif modo == "neg":
            en = frase_en(f"{be_en(s0, rng, neg=True)} afraid of {en_o}")
        else:
            en = frase_en(f"{_be(s0)} {s0.en} afraid of {en_o}", "?")
        pares: Pares = []
        for s in grupo:
            avoir = V["avoir"].pres[s.persona]
            if modo == "af":
                pares.append((en, frase_fr(f"{s.fr} {avoir} peur {fr_o}")))
            elif modo == "neg":
                pares.append((en, frase_fr(f"{s.fr} ne {avoir} pas peur {fr_o}")))
            else:
                pares += [(en, fr) for fr in preguntas_fr(s, avoir, f"peur {fr_o}")]
        return pares

    return fabrica


MASCOTAS = [_sn("my dog", "mon chien", "m", pos=None), _sn("my cat", "mon chat", "m", pos=None),
            _sn("our dog", "notre chien", "m", pos=None), _sn("your dog", "ton chien", "m", pos=None),
            _sn("your dog", "votre chien", "m", pos=None), _sn("your cat", "ton chat", "m", pos=None),
            _sn("her cat", "son chat", "m", pos=None), _sn("his horse", "son cheval", "m", pos=None)]
_FAMILIA_EDAD = {"my brother", "my sister", "my cousin", "my son", "my daughter", "your sister",
                 "your brother", "the baby"}


def _sujeto_edad(rng: random.Random) -> tuple[list[Suj], int, int]:
    """Sujeto para hablar de edad con un rango de edades verosímil."""
    r = rng.random()
    if r < 0.35:
        grupo = rng.choice(agrupar_sujetos([s for s in PRONOMBRES if s.en in {"I", "you", "he", "she"}]))
        return grupo, 5, 20
    if r < 0.65:
        return [nombre_al_azar(rng)], 2, 20
    if r < 0.85:
        grupo = rng.choice(agrupar_sujetos([s for s in SINTAGMAS if s.en in _FAMILIA_EDAD]))
        return (grupo, 1, 3) if grupo[0].en == "the baby" else (grupo, 1, 20)
    return rng.choice(agrupar_sujetos(MASCOTAS)), 1, 15


def marco_edad(modo: str) -> Callable[[random.Random], Pares]:
    """Tom is ten (years old). → Tom a dix ans. / How old is your dog? → Quel âge a ton chien ?"""

    def fabrica(rng: random.Random) -> Pares:
        grupo, a, b = _sujeto_edad(rng)
        s0 = grupo[0]
        pares: Pares = []
        if modo == "af":
            n = rng.randint(a, b)
            if n == 1:
                edad_en = "one year old"
            else:
                edad_en = NUM_EN[n] + (" years old" if rng.random() < 0.5 else "")
            en = frase_en(f"{be_en(s0, rng)} {edad_en}")
            for s in grupo:
                avoir = V["avoir"].pres[s.persona]
                pares.append((en, frase_fr(f"{s.fr} {avoir} {num_fr(n)} {'an' if n == 1 else 'ans'}")))
            return pares
        if s0.en in ("I", "we") or s0.en.startswith(("my ", "our ")):
            return []
        en = frase_en(f"how old {_be(s0)} {s0.en}", "?")
        for s in grupo:
            avoir = V["avoir"].pres[s.persona]
            if s.clase == "pron":
                t = "t-" if s.pron in ("il", "elle") else ""
                pares.append((en, frase_fr(f"quel âge {avoir}-{t}{s.pron}", "?")))
                pares.append((en, frase_fr(f"{s.fr} {avoir} quel âge", "?")))
            else:
                pares.append((en, frase_fr(f"quel âge {avoir} {s.fr}", "?")))
                pares.append((en, frase_fr(f"{s.fr} {avoir} quel âge", "?")))
        return pares

    return fabrica


NOMBRES_MASCOTA = ["Max", "Rex", "Milo", "Luna", "Bella", "Oscar", "Caramel", "Filou", "Noisette", "Pixel"]
# Quién se llama: (inglés del poseedor, francés del sujeto, persona, género o None, es mascota)
_LLAMARSE = [
    ("my", "je", 0, None, False), ("his", "il", 2, "m", False), ("her", "elle", 2, "f", False),
    ("my brother's", "mon frère", 2, "m", False), ("my sister's", "ma sœur", 2, "f", False),
    ("my son's", "mon fils", 2, "m", False), ("my daughter's", "ma fille", 2, "f", False),
    ("my friend's", "mon ami", 2, "m", False), ("my friend's", "mon amie", 2, "f", False),
    ("my cousin's", "mon cousin", 2, "m", False), ("my cousin's", "ma cousine", 2, "f", False),
    ("my teacher's", "mon professeur", 2, "m", False), ("my dog's", "mon chien", 2, None, True),
    ("my cat's", "mon chat", 2, None, True), ("our dog's", "notre chien", 2, None, True),
]


def marco_llamarse(modo: str) -> Callable[[random.Random], Pares]:
    """My name is Léa. → Je m'appelle Léa. / Is your name Tom? → Tu t'appelles Tom ?"""

    def fabrica(rng: random.Random) -> Pares:
        pares: Pares = []
        if modo == "preg":
            quien = rng.choice(["your", "his", "her"])
            genero = {"his": "m", "her": "f"}.get(quien)
            nombre = nombre_al_azar(rng, genero).en
            en = f"Is {quien} name {nombre}?"
            if quien == "your":
                for suj, p in (("tu", 1), ("vous", 4)):
                    forma = f"{REFLEXIVOS[p]} {V['appeler'].pres[p]}"
                    pares.append((en, frase_fr(f"{suj} {forma} {nombre}", "?")))
                    pares.append((en, frase_fr(f"est-ce que {suj} {forma} {nombre}", "?")))
            else:
                pron = "il" if quien == "his" else "elle"
                pares.append((en, frase_fr(f"{pron} se appelle {nombre}", "?")))
                pares.append((en, frase_fr(f"est-ce que {pron} se appelle {nombre}", "?")))
            return pares
        poseedor, suj, p, genero, mascota = rng.choice(_LLAMARSE)
        if mascota:
            nombre = rng.choice(NOMBRES_MASCOTA)
        else:
            nombre = nombre_al_azar(rng, genero).en
        forma = f"{REFLEXIVOS[p]} {V['appeler'].pres[p]}"
        if modo == "af":
            en = f"{mayuscula_inicial(poseedor)} name is {nombre}."
            pares.append((en, frase_fr(f"{suj} {forma} {nombre}")))
            if poseedor == "my" and rng.random() < 0.4:
                pares.append((f"I'm {nombre}.", frase_fr(f"je suis {nombre}")))
                pares.append((f"I'm {nombre}.", frase_fr(f"je {forma} {nombre}")))
        else:
            en = f"{mayuscula_inicial(poseedor)} name isn't {nombre}."
            pares.append((en, frase_fr(f"{suj} ne {forma} pas {nombre}")))
        return pares

    return fabrica


# Frases con un nombre propio: {X} nombre, {il} pronombre, {e} concordancia femenina.
PLANTILLAS_NOMBRE = [
    ("This is {X}.", ["Voici {X}.", "C'est {X}."]),
    ("Where's {X}?", ["Où est {X} ?"]),
    ("Who is {X}?", ["Qui est {X} ?"]),
    ("{X} is here.", ["{X} est là.", "{X} est ici."]),
    ("{X} isn't here.", ["{X} n'est pas là.", "{X} n'est pas ici."]),
    ("Is {X} here?", ["{X} est là ?", "Est-ce que {X} est là ?", "{X} est-{il} là ?"]),
    ("{X} is coming.", ["{X} arrive.", "{X} vient."]),
    ("{X} is on the phone.", ["{X} est au téléphone."]),
    ("Say hello to {X}.", ["Dis bonjour à {X}.", "Dites bonjour à {X}."]),
    ("Call {X}.", ["Appelle {X}.", "Appelez {X}."]),
    ("Ask {X}.", ["Demande à {X}.", "Demandez à {X}."]),
    ("Wait for {X}.", ["Attends {X}.", "Attendez {X}."]),
    ("Listen to {X}.", ["Écoute {X}.", "Écoutez {X}."]),
    ("Where does {X} live?", ["Où habite {X} ?", "Où {X} habite-t-{il} ?"]),
    ("Where does {X} work?", ["Où travaille {X} ?", "Où {X} travaille-t-{il} ?"]),
    ("What does {X} want?", ["Que veut {X} ?", "Qu'est-ce que {X} veut ?"]),
    ("Why is {X} crying?", ["Pourquoi {X} pleure-t-{il} ?", "Pourquoi est-ce que {X} pleure ?"]),
    ("Why is {X} laughing?", ["Pourquoi {X} rit-{il} ?", "Pourquoi est-ce que {X} rit ?"]),
    ("Why is {X} late?", ["Pourquoi {X} est-{il} en retard ?", "Pourquoi est-ce que {X} est en retard ?"]),
    ("Why is {X} sad?", ["Pourquoi {X} est-{il} triste ?", "Pourquoi est-ce que {X} est triste ?"]),
    ("Do you know {X}?", ["Tu connais {X} ?", "Connais-tu {X} ?", "Connaissez-vous {X} ?"]),
    ("I don't know {X}.", ["Je ne connais pas {X}."]),
    ("Tell {X} I'm here.", ["Dis à {X} que je suis là.", "Dites à {X} que je suis là."]),
    ("Give this to {X}.", ["Donne ça à {X}.", "Donnez ceci à {X}."]),
    ("It's for {X}.", ["C'est pour {X}."]),
    ("It's {X}'s turn.", ["C'est au tour de {X}.", "C'est le tour de {X}."]),
    ("{X} is waiting for you.", ["{X} te attend.", "{X} vous attend."]),
    ("{X} wants to see you.", ["{X} veut te voir.", "{X} veut vous voir."]),
    ("{X} is looking for you.", ["{X} te cherche.", "{X} vous cherche."]),
    ("{X} called me.", ["{X} m'a appelé.", "{X} m'a appelée."]),
    ("{X} helped me.", ["{X} m'a aidé.", "{X} m'a aidée."]),
    ("{X} likes you.", ["{X} te aime bien.", "{X} vous aime bien."]),
    ("Where did {X} go?", ["Où est allé{e} {X} ?", "Où {X} est-{il} allé{e} ?"]),
    ("{X} has left.", ["{X} est parti{e}."]),
    ("{X} is at home.", ["{X} est chez {lui}.", "{X} est à la maison."]),
    ("I'm going to {X}'s.", ["Je vais chez {X}."]),
    ("I'm at {X}'s.", ["Je suis chez {X}."]),
    ("I'll call {X}.", ["Je vais appeler {X}.", "J'appellerai {X}."]),
    ("I miss {X}.", ["{X} me manque."]),
    ("{X} misses you.", ["Tu manques à {X}.", "Vous manquez à {X}."]),
]


def marco_nombre(rng: random.Random) -> Pares:
    """Frases cortas con un nombre propio (Where's Zoé? → Où est Zoé ?)."""
    plantilla_en, plantillas_fr = rng.choice(PLANTILLAS_NOMBRE)
    x = nombre_al_azar(rng)
    campos = {"X": x.fr, "il": x.pron, "e": "e" if x.genero == "f" else "",
              "lui": "lui" if x.genero == "m" else "elle"}
    en = completar_en(plantilla_en, X=x.en)
    return [(en, completar(p, **campos)) for p in plantillas_fr]


def _rel(genero: str, indice: int, plural: bool = False) -> tuple[str, str]:
    """Pariente en inglés y en francés según el género (y el número)."""
    fila = PARIENTES[indice]
    en = fila[0] if genero == "m" else fila[1]
    if plural:
        return plural_en(en), fila[4] if genero == "m" else fila[5]
    return en, fila[2] if genero == "m" else fila[3]


_POSEEDORES = [("my", 0), ("your", 1), ("your", 4), ("his", 2), ("her", 2), ("our", 3), ("their", 5)]


def marco_relacion(modo: str) -> Callable[[random.Random], Pares]:
    """Léa is my cousin. → Léa est ma cousine. / Tom is Inès's brother. → Tom est le frère d'Inès."""

    def fabrica(rng: random.Random) -> Pares:
        x = nombre_al_azar(rng)
        i = rng.randrange(len(PARIENTES))
        rel_en, rel_fr = _rel(x.genero, i)
        pares: Pares = []
        if modo == "posesivo":
            pos_en = rng.choice(["my", "your", "his", "her", "our", "their"])
            en = f"{x.en} is {pos_en} {rel_en}."
            for pos, persona in _POSEEDORES:
                if pos == pos_en:
                    det = POSESIVOS_FR[persona][0 if x.genero == "m" else 1]
                    pares.append((en, frase_fr(f"{x.fr} est {det} {rel_fr}")))
            return pares
        if modo == "de":
            y = nombre_al_azar(rng, distinto=x.en)
            art = "le" if x.genero == "m" else "la"
            en = f"{x.en} is {y.en}'s {rel_en}."
            return [(en, frase_fr(f"{x.fr} est {art} {rel_fr} de {y.fr}"))]
        # «Tom and Léa are cousins.» → «Tom et Léa sont cousins.»
        y = nombre_al_azar(rng, distinto=x.en)
        genero = "f" if (x.genero == "f" and y.genero == "f") else "m"
        opciones = [0, 1, 2, 3, 4, 12, -1, -2]
        eleccion = rng.choice(opciones)
        if eleccion == -1:
            en_p, fr_p = "married", "mariés" if genero == "m" else "mariées"
        elif eleccion == -2:
            en_p, fr_p = "twins", "jumeaux" if genero == "m" else "jumelles"
        elif eleccion == 0 and x.genero != y.genero:
            primero_m = x.genero == "m"
            en_p = "brother and sister" if primero_m else "sister and brother"
            fr_p = "frère et sœur" if primero_m else "sœur et frère"
        else:
            en_p, fr_p = _rel(genero, eleccion, plural=True)
        en = f"{x.en} and {y.en} are {en_p}."
        return [(en, frase_fr(f"{x.fr} et {y.fr} sont {fr_p}"))]

    return fabrica


# --- Verbos con una persona como complemento ---------------------------------------------
# (verbo, formas inglesas, preposición francesa, tipo). Tipo: «estado» (presente simple en
# inglés), «accion» (progresivo en inglés) o «pasado» (solo en pasado y futuro).
VERBOS_PERSONA = [
    ("connaître", V["connaître"].en, "", "estado"),
    ("aimer", formas_en("love|loves|loved|loved|loving"), "", "estado"),
    ("détester", V["détester"].en, "", "estado"),
    ("croire", V["croire"].en, "", "estado"),
    ("comprendre", V["comprendre"].en, "", "estado"),
    ("ressembler", formas_en("look like|looks like|looked like|looked like|looking like"), "à", "estado"),
    ("attendre", formas_en("wait for|waits for|waited for|waited for|waiting for"), "", "accion"),
    ("chercher", formas_en("look for|looks for|looked for|looked for|looking for"), "", "accion"),
    ("appeler", V["appeler"].en, "", "accion"),
    ("aider", V["aider"].en, "", "accion"),
    ("écouter", formas_en("listen to|listens to|listened to|listened to|listening to"), "", "accion"),
    ("suivre", V["suivre"].en, "", "accion"),
    ("parler", formas_en("talk to|talks to|talked to|talked to|talking to"), "à", "accion"),
    ("penser", formas_en("think about|thinks about|thought about|thought about|thinking about"), "à", "accion"),
    ("inviter", V["inviter"].en, "", "pasado"),
    ("voir", V["voir"].en, "", "pasado"),
    ("rencontrer", V["rencontrer"].en, "", "pasado"),
    ("embrasser", V["embrasser"].en, "", "pasado"),
    ("remercier", V["remercier"].en, "", "pasado"),
    ("téléphoner", formas_en("call|calls|called|called|calling"), "à", "pasado"),
    ("répondre", V["répondre"].en, "à", "pasado"),
    ("rendre", formas_en("visit|visits|visited|visited|visiting"), "visite à", "pasado"),
    ("épouser", V["épouser"].en, "", "pasado"),
]
SOLO_NOMBRES = {"embrasser", "épouser", "rencontrer", "suivre"}
# Familiares que se nombran con el posesivo del sujeto: (inglés, francés, género, plural).
FAMILIA_OBJETO = [
    ("mother", "mère", "f", False), ("father", "père", "m", False), ("sister", "sœur", "f", False),
    ("brother", "frère", "m", False), ("parents", "parents", "m", True), ("friends", "amis", "m", True),
    ("grandmother", "grand-mère", "f", False), ("uncle", "oncle", "m", False), ("aunt", "tante", "f", False),
    ("teacher", "professeur", "m", False), ("boss", "patron", "m", False), ("neighbor", "voisin", "m", False),
    ("neighbor", "voisine", "f", False), ("son", "fils", "m", False), ("daughter", "fille", "f", False),
    ("children", "enfants", "m", True), ("cousins", "cousins", "m", True),
]


def _objeto_persona(s: Suj, familia: tuple | None, nombre: Suj | None) -> tuple[str, str] | None:
    """Complemento de persona en inglés y en francés (nombre propio o familiar con posesivo)."""
    if nombre is not None:
        return nombre.en, nombre.fr
    assert familia is not None
    if s.pos_en is None:
        return None
    en, fr, genero, plural = familia
    det = POSESIVOS_FR[s.persona][2 if plural else (0 if genero == "m" else 1)]
    return f"{s.pos_en} {en}", f"{det} {fr}"


def marco_personas(modo: str) -> Callable[[random.Random], Pares]:
    """I'm waiting for Tom. / Tom called his mother. / Do you know Inès? / I didn't see Léa."""

    def fabrica(rng: random.Random) -> Pares:
        verbo, formas, prep, tipo = rng.choice(VERBOS_PERSONA)
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        s0 = grupo[0]
        if verbo in SOLO_NOMBRES or rng.random() < 0.55:
            nombre, familia = nombre_al_azar(rng, distinto=s0.en.split()[0]), None
            if nombre.en in s0.en:
                return []
        else:
            nombre, familia = None, rng.choice(FAMILIA_OBJETO)
        if modo == "pres" and tipo == "pasado":
            return []
        if modo in ("pas", "fut") and tipo == "estado":
            return []
        if modo == "fut" and verbo == "chercher":  # «aller chercher» = «ir a buscar»
            return []
        if verbo == "épouser" and s0.plural:
            return []
        v = V[verbo]
        pasado = modo == "pas" or (modo in ("neg", "preg") and tipo == "pasado") or (
            modo in ("neg", "preg") and tipo == "accion" and rng.random() < 0.5)
        semilla = rng.randrange(1 << 30)
        pares: Pares = []
        for s in grupo:
            rng = random.Random(semilla)  # mismas contracciones inglesas en todas las variantes
            obj = _objeto_persona(s, familia, nombre)
            if obj is None:
                return []
            obj_en, obj_fr = obj
            resto = f"{prep} {obj_fr}".strip()
            if modo == "pres":
                t = "pres" if tipo == "estado" else "prog"
                en = frase_en(f"{verbo_en(s, formas, t, rng)} {obj_en}")
                pares.append((en, frase_fr(fr_presente(s, v, resto))))
            elif modo == "pas":
                en = frase_en(f"{verbo_en(s, formas, 'pas', rng)} {obj_en}")
                pares.append((en, frase_fr(fr_compuesto(s, v, resto))))
            elif modo == "fut":
                en = frase_en(f"{verbo_en(s, formas, 'fut', rng)} {obj_en}")
                pares.append((en, frase_fr(fr_perifrasis(s, V["aller"], v, resto))))
            elif modo == "neg":
                if pasado:
                    en = frase_en(f"{verbo_en(s, formas, 'pas', rng, neg=True)} {obj_en}")
                    pares.append((en, frase_fr(fr_compuesto(s, v, resto, neg="pas"))))
                else:
                    t = "pres" if tipo == "estado" else "prog"
                    en = frase_en(f"{verbo_en(s, formas, t, rng, neg=True)} {obj_en}")
                    pares.append((en, frase_fr(fr_presente(s, v, resto, neg="pas"))))
            else:
                if pasado:
                    en = frase_en(f"{pregunta_en(s, formas, 'pas')} {obj_en}", "?")
                    aux = auxiliar(v).pres[s.persona]
                    pares += [(en, fr) for fr in preguntas_fr(s, aux, f"{v.pp} {resto}")]
                else:
                    t = "pres" if tipo == "estado" else "prog"
                    en = frase_en(f"{pregunta_en(s, formas, t)} {obj_en}", "?")
                    pares += [(en, fr) for fr in preguntas_fr(s, v.pres[s.persona], resto)]
        return pares

    return fabrica


# --- Verbos sin complemento ---------------------------------------------------------------
INTRANSITIVOS = ["dormir", "travailler", "courir", "nager", "chanter", "danser", "rire", "pleurer",
                 "lire", "écrire", "cuisiner", "manger", "attendre", "marcher", "sourire", "étudier",
                 "jouer", "voyager", "conduire", "se reposer", "réfléchir", "dessiner", "crier",
                 "fumer", "mentir", "se promener", "se dépêcher", "skier", "pêcher"]
# Adverbios: (francés, inglés, posición inglesa, posición francesa en el passé composé, verbos)
ADVERBIOS = [
    ("bien", "well", "post", "medio", {"chanter", "danser", "cuisiner", "conduire", "nager", "dormir",
                                       "dessiner", "écrire", "skier"}),
    ("mal", "badly", "post", "medio", {"chanter", "danser", "cuisiner", "conduire", "dormir", "dessiner",
                                       "écrire"}),
    ("beaucoup", "a lot", "post", "medio", {"travailler", "dormir", "lire", "voyager", "manger", "rire",
                                            "étudier", "marcher", "pleurer"}),
    ("trop", "too much", "post", "medio", {"travailler", "manger", "dormir", "fumer"}),
    ("vite", "fast", "post", "final", {"courir", "conduire", "manger", "marcher", "nager", "lire", "écrire"}),
    ("lentement", "slowly", "post", "final", {"manger", "conduire", "marcher", "lire", "écrire"}),
    ("tous les jours", "every day", "post", "final", {"travailler", "courir", "nager", "lire", "écrire",
                                                     "étudier", "cuisiner", "marcher", "jouer", "se promener"}),
    ("le week-end", "on weekends", "post", "final", {"travailler", "skier", "pêcher", "se reposer", "cuisiner",
                                                    "se promener"}),
    ("le matin", "in the morning", "post", "final", {"courir", "nager", "étudier", "travailler", "lire"}),
    ("le soir", "in the evening", "post", "final", {"lire", "étudier", "se promener", "cuisiner", "travailler"}),
    ("souvent", "often", "pre", "medio", {"voyager", "rire", "pleurer", "cuisiner", "chanter", "danser",
                                          "nager", "lire", "se promener", "skier", "pêcher"}),
    ("toujours", "always", "pre", "medio", {"chanter", "sourire", "rire", "travailler", "se dépêcher"}),
    ("parfois", "sometimes", "pre", "medio", {"cuisiner", "pleurer", "mentir", "crier", "fumer", "chanter",
                                              "danser"}),
]
NUNCA = {"fumer", "mentir", "pleurer", "cuisiner", "danser", "conduire", "chanter", "crier", "voyager",
         "skier", "nager", "se dépêcher"}
# Complementos de tiempo pasado: (francés, inglés, verbos excluidos)
TIEMPOS_PASADO = [
    ("hier", "yesterday"), ("ce matin", "this morning"), ("hier soir", "last night"),
    ("la semaine dernière", "last week"), ("lundi", "on Monday"), ("samedi", "on Saturday"),
    ("tard", "late"), ("tôt", "early"), ("il y a deux jours", "two days ago"),
    ("avant-hier", "the day before yesterday"),
]
DURANTE = [("toute la journée", "all day", {"dormir", "travailler", "lire", "étudier", "marcher", "pleurer",
                                           "se reposer", "jouer", "skier", "pêcher", "attendre"}),
           ("toute la nuit", "all night", {"danser", "travailler", "dormir", "pleurer", "étudier", "conduire"}),
           ("longtemps", "for a long time", {"dormir", "marcher", "attendre", "pleurer", "réfléchir", "nager"})]
PREGUNTA_HABITO = {"fumer", "cuisiner", "nager", "danser", "chanter", "skier", "conduire", "voyager",
                   "travailler", "courir", "dessiner", "pêcher"}
# Verbos que suenan bien con «yesterday», «last week»...: Tom worked yesterday.
INTR_TIEMPO = {"dormir", "travailler", "courir", "nager", "chanter", "danser", "cuisiner", "étudier", "voyager",
               "conduire", "skier", "pêcher", "se promener", "se reposer", "jouer", "marcher", "lire"}
INTR_PREGUNTA_PASADO = {"dormir", "manger", "travailler", "étudier", "cuisiner", "voyager", "nager", "danser",
                        "skier", "pêcher", "se reposer", "se promener", "courir", "chanter", "lire"}
SIN_FUTURO_NI_PASADO = {"réfléchir", "sourire", "rire", "mentir", "se dépêcher"}
TODAVIA = {"manger", "dormir", "étudier", "travailler", "cuisiner"}


def _en_con_adverbio(s: Suj, formas: tuple, adv_en: str, pos: str, rng: random.Random, neg: bool = False) -> str:
    if pos == "pre":
        if neg:
            return f"{s.en} {do_en(s, rng)} {adv_en} {formas[0]}"
        return f"{s.en} {adv_en} {formas[1] if s.tercera else formas[0]}"
    return f"{verbo_en(s, formas, 'pres', rng, neg)} {adv_en}"


def marco_intransitivo(modo: str) -> Callable[[random.Random], Pares]:
    """Tom is sleeping. / I often travel. / She slept well. / Are you working? → ..."""

    def fabrica(rng: random.Random) -> Pares:
        clave = rng.choice(INTRANSITIVOS)
        v = V[clave]
        formas = v.en
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en != "everyone"
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        s0 = grupo[0]
        if modo in ("fut", "pas") and clave in SIN_FUTURO_NI_PASADO:
            return []
        if clave in ("fumer", "conduire") and (s0.en in NINOS or s0.en in ("my son", "my daughter")):
            return []
        if s0.en == "the baby" and clave not in {"dormir", "pleurer", "rire", "sourire", "manger", "jouer"}:
            return []
        pares: Pares = []
        if modo == "prog":
            en = frase_en(verbo_en(s0, formas, "prog", rng))
            for s in grupo:
                pares.append((en, frase_fr(fr_presente(s, v))))
                if rng.random() < 0.3:
                    etre = V["être"].pres[s.persona]
                    pares.append((en, frase_fr(f"{s.fr} {etre} en train de {infinitivo_fr(v, s)}")))
            return pares
        if modo == "habito":
            opciones = [a for a in ADVERBIOS if clave in a[4]]
            if not opciones:
                return []
            adv_fr, adv_en, pos_en, _, _ = rng.choice(opciones)
            en = frase_en(_en_con_adverbio(s0, formas, adv_en, pos_en, rng))
            return [(en, frase_fr(fr_presente(s, v, adv=adv_fr))) for s in grupo]
        if modo == "neg":
            r = rng.random()
            if r < 0.4 and clave in NUNCA:
                en = frase_en(_en_con_adverbio(s0, formas, "never", "pre", rng))
                return [(en, frase_fr(fr_presente(s, v, neg="jamais"))) for s in grupo]
            if (r < 0.7 or clave not in INTR_TIEMPO) and clave != "réfléchir":
                en = frase_en(verbo_en(s0, formas, "prog", rng, neg=True))
                return [(en, frase_fr(fr_presente(s, v, neg="pas"))) for s in grupo]
            if clave in TODAVIA and rng.random() < 0.4:
                en = frase_en(f"{s0.en} {have_en(s0)}n't {formas[3]} yet")
                return [(en, frase_fr(fr_compuesto(s, v, neg="pas", adv="encore"))) for s in grupo]
            if clave not in INTR_TIEMPO:
                return []
            tiempo_fr, tiempo_en = rng.choice(TIEMPOS_PASADO)
            en = frase_en(f"{verbo_en(s0, formas, 'pas', rng, neg=True)} {tiempo_en}")
            return [(en, frase_fr(fr_compuesto(s, v, tiempo_fr, neg="pas"))) for s in grupo]
        if modo == "pas":
            r = rng.random()
            medios = [a for a in ADVERBIOS if clave in a[4] and a[3] == "medio" and a[2] == "post"]
            durante = [d for d in DURANTE if clave in d[2]]
            if r < 0.35 and medios:
                adv_fr, adv_en, _, _, _ = rng.choice(medios)
                en = frase_en(f"{verbo_en(s0, formas, 'pas', rng)} {adv_en}")
                return [(en, frase_fr(fr_compuesto(s, v, adv=adv_fr))) for s in grupo]
            if r < 0.55 and durante:
                d_fr, d_en, _ = rng.choice(durante)
                en = frase_en(f"{verbo_en(s0, formas, 'pas', rng)} {d_en}")
                return [(en, frase_fr(fr_compuesto(s, v, d_fr))) for s in grupo]
            if clave not in INTR_TIEMPO:
                return []
            tiempo_fr, tiempo_en = rng.choice(TIEMPOS_PASADO)
            en = frase_en(f"{verbo_en(s0, formas, 'pas', rng)} {tiempo_en}")
            return [(en, frase_fr(fr_compuesto(s, v, tiempo_fr))) for s in grupo]
        if modo == "fut":
            neg = rng.random() < 0.3
            en = frase_en(verbo_en(s0, formas, "fut", rng, neg=neg))
            return [(en, frase_fr(fr_perifrasis(s, V["aller"], v, neg="pas" if neg else None))) for s in grupo]
        # Preguntas: progresivo, hábito o pasado.
        r = rng.random()
        if r < 0.4:
            rama = "prog"
        elif r < 0.7 and clave in PREGUNTA_HABITO:
            rama = "habito"
        elif clave in INTR_PREGUNTA_PASADO:
            rama = "pas"
        else:
            rama = "prog"
        if rama == "prog" and clave == "réfléchir":
            return []
        for s in grupo:
            refl = reflexivo(v, s)
            if rama == "prog":
                en = frase_en(pregunta_en(s0, formas, "prog"), "?")
                pares += [(en, fr) for fr in preguntas_fr(s, refl + v.pres[s.persona], "")]
            elif rama == "habito":
                en = frase_en(pregunta_en(s0, formas, "pres"), "?")
                pares += [(en, fr) for fr in preguntas_fr(s, refl + v.pres[s.persona], "")]
            else:
                medios = [a for a in ADVERBIOS if clave in a[4] and a[3] == "medio" and a[2] == "post"]
                aux = auxiliar(v).pres[s.persona]
                if medios and r < 0.85:
                    adv_fr, adv_en = medios[0][0], medios[0][1]
                    en = frase_en(f"{pregunta_en(s0, formas, 'pas')} {adv_en}", "?")
                    pares += [(en, fr) for fr in preguntas_fr(s, refl + aux, f"{adv_fr} {acordar_pp(v, s)}")]
                else:
                    en = frase_en(pregunta_en(s0, formas, "pas"), "?")
                    pares += [(en, fr) for fr in preguntas_fr(s, refl + aux, acordar_pp(v, s))]
        return pares

    return fabrica


# --- Verbos con un objeto (comer, comprar, leer...) ---------------------------------------
@dataclass(frozen=True)
class Uso:
    """Un verbo con la clase de objetos que admite y los determinantes que le van bien."""

    verbo: str
    en: tuple[str, str, str, str, str]
    cats: frozenset[str]
    dets: tuple[str, ...]
    presente: str = "prog"  # inglés en presente: "prog" (is eating), "pres" (knows) o "" (no)
    habitual: bool = False  # admite frecuencia: Tom often drinks tea
    color: bool = False  # el objeto puede llevar un color: a red dress
    excluir: frozenset[str] = frozenset()


def _u(verbo: str, en: str | None, cats: str, dets: str, presente: str = "prog", habitual: bool = False,
       color: bool = False, excluir: str = "") -> Uso:
    formas = V[verbo].en if en is None else formas_en(en)
    return Uso(verbo, formas, frozenset(cats.split()), tuple(dets.split()), presente, habitual, color,
               frozenset(excluir.split()))


USOS = [
    _u("manger", None, "comida", "indef def num", habitual=True, excluir="oignon citron pomme de terre"),
    _u("manger", None, "comida_m", "part def", habitual=True, excluir="sel sucre farine beurre"),
    _u("boire", None, "bebida", "part def", habitual=True),
    _u("acheter", None, "comida ropa legible vehiculo_priv objeto", "indef num", color=True,
       excluir="passeport clé"),
    _u("acheter", None, "comida_m bebida", "part"),
    _u("vendre", None, "vehiculo_priv", "pos def"),
    _u("lire", None, "legible", "indef def pos", habitual=True),
    _u("écrire", None, "escribible", "indef"),
    _u("chercher", "look for|looks for|looked for|looked for|looking for", "objeto ropa animal_dom", "pos def"),
    _u("trouver", None, "objeto ropa animal_dom", "pos def indef", presente=""),
    _u("perdre", None, "objeto", "pos indef", presente=""),
    _u("oublier", None, "llevable", "pos", presente=""),
    _u("ouvrir", None, "abrible", "def pos"),
    _u("fermer", None, "abrible", "def pos", excluir="cadeau colis"),
    _u("laver", None, "vehiculo_priv ropa", "def pos",
       excluir="chapeau casquette cravate chaussure botte gant écharpe manteau"),
    _u("regarder", None, "vision", "indef def", habitual=True),
    _u("regarder", "look at|looks at|looked at|looked at|looking at", "imagen", "def pos"),
    _u("écouter", "listen to|listens to|listened to|listened to|listening to", "audio", "def part indef",
       habitual=True),
    _u("porter", None, "ropa", "indef pos", habitual=True, color=True),
    _u("porter", "carry|carries|carried|carried|carrying", "cargable", "indef def pos"),
    _u("prendre", None, "transporte", "def", habitual=True),
    _u("prendre", None, "llevable", "pos"),
    _u("préparer", None, "plato", "def indef part", habitual=True),
    _u("faire", "make|makes|made|made|making", "horneable", "indef part"),
    _u("dessiner", None, "dibujable", "indef"),
    _u("nettoyer", None, "limpiable", "def pos"),
    _u("réparer", None, "reparable", "def pos"),
    _u("attendre", "wait for|waits for|waited for|waited for|waiting for", "transporte", "def"),
    _u("utiliser", None, "herramienta", "def pos"),
    _u("apporter", None, "horneable", "indef part"),
    _u("apporter", None, "bebida", "part"),
    _u("casser", None, "fragil", "def indef pos", presente=""),
    _u("louer", None, "alquilable", "indef", presente=""),
    _u("choisir", None, "ropa regalo", "indef def", presente="", color=True),
    _u("goûter", None, "comida comida_m bebida", "def", excluir="sel sucre farine beurre"),
    _u("voir", None, "animal", "indef num", presente="pres"),
    _u("voir", None, "vision", "def", presente=""),
    _u("apprendre", None, "aprendible", "indef def"),
    _u("finir", None, "terminable", "def pos"),
    _u("essayer", "try on|tries on|tried on|tried on|trying on", "ropa", "def"),
    _u("remplir", None, "llenable", "def"),
    _u("recevoir", None, "recibible", "indef", presente=""),
    _u("payer", None, "pagable", "def"),
    _u("allumer", None, "encendible", "def"),
    _u("éteindre", None, "encendible", "def"),
    _u("comprendre", None, "comprensible", "def", presente="pres"),
    _u("connaître", None, "conocible", "def", presente="pres"),  # sin pasado: «a connu» = conoció
    _u("visiter", None, "visitable", "def"),
    _u("entendre", None, "audible", "indef def part", presente="pres"),
    _u("garer", None, "vehiculo_priv", "def pos"),
    _u("attraper", "catch|catches|caught|caught|catching", "transporte", "def", presente="",
       excluir="taxi avion métro"),
]


@dataclass(frozen=True)
class Objeto:
    """Un complemento directo ya elegido (el posesivo se resuelve con cada sujeto)."""

    n: Sust
    det: str
    plural: bool
    num: int
    adj: Adj | None
    some: bool

    def en(self, s: Suj | None, neg: bool = False) -> str:
        det = self.det
        if neg and det in ("indef", "part"):
            if self.plural or (self.n.masa and self.some):
                det = "any"  # I didn't buy any apples / any bread
        pos = s.pos_en if s is not None else None
        return sn_en(self.n, det, self.plural, pos, self.adj.en if self.adj else None, self.num,
                     some=self.some and not neg)

    def fr(self, s: Suj | None, neg: bool = False) -> str:
        persona = s.persona if s is not None else 2
        if neg and self.det in ("indef", "part", "num"):
            return sn_fr(self.n, "de", self.plural, persona, self.adj)  # pas de pain, pas de voiture
        return sn_fr(self.n, self.det, self.plural, persona, self.adj, self.num)


def _dets_validos(uso: Uso, n: Sust) -> list[str]:
    dets = list(uso.dets)
    if "sin_the" in n.cats:
        return ["def"]
    if n.masa:
        dets = [d for d in dets if d in ("part", "def")]
    else:
        dets = [d for d in dets if d != "part"]
    if "num" in dets and "num" not in n.cats:
        dets.remove("num")
    if uso.verbo == "entendre" and n.fr_sg == "pluie":
        dets = ["def"]  # j'entends la pluie
    return dets


def elegir_objeto(rng: random.Random, uso: Uso, habitual: bool = False, sin_num: bool = False,
                  sin_pos: bool = False) -> Objeto | None:
    candidatos = [n for n in SUSTANTIVOS if n.cats & uso.cats and (n.fr_sg or n.fr_pl) not in uso.excluir]
    if habitual:  # hábitos: del pan, des films, le journal (no «the water»)
        candidatos = [n for n in candidatos if n.masa or "num" in n.cats or n.cats & HABITO_DEFINIDO
                      or "vision" in n.cats or n.fr_sg in ("journal", "radio")]
    if not candidatos:
        return None
    n = rng.choice(candidatos)
    dets = _dets_validos(uso, n)
    if habitual:
        if n.masa and "sin_the" not in n.cats:
            dets = ["part"]
        elif "sin_the" in n.cats or n.cats & HABITO_DEFINIDO or n.fr_sg in ("journal", "radio"):
            dets = ["def"]
        else:
            dets = ["indef"]
    if sin_num:
        dets = [d for d in dets if d != "num"]
    if sin_pos:
        dets = [d for d in dets if d != "pos"]
    if not dets:
        return None
    det = rng.choice(dets)
    plural = False
    if (n.fr_sg in PARES_ROPA or n.fr_sg in ("biscuit", "crêpe")) and det in ("indef", "def", "pos"):
        plural = True
    elif not n.masa and not n.solo_plural and det != "num":
        if det == "indef":
            plural = habitual or (("num" in n.cats or "ropa" in n.cats) and rng.random() < 0.25)
        elif det in ("def", "pos"):
            plural = (not habitual and n.cats & PLURAL_DEFINIDO and "num" in n.cats
                      and "transporte" not in n.cats and rng.random() < 0.2)
    num = rng.randint(2, 6) if det == "num" else 0
    adj = None
    if uso.color and "col" in n.adjs and rng.random() < 0.35:
        adj = rng.choice(COLORES)
    return Objeto(n, det, plural, num, adj, some=not habitual and rng.random() < 0.3)


HABITO_DEFINIDO = frozenset({"transporte"})
PLURAL_DEFINIDO = frozenset({"ropa", "comida", "animal", "mueble", "fragil", "llevable", "objeto"})


FRECUENCIAS = [("souvent", "often", "pre"), ("toujours", "always", "pre"), ("parfois", "sometimes", "pre"),
               ("tous les jours", "every day", "post"), ("tous les matins", "every morning", "post"),
               ("le dimanche", "on Sundays", "post"), ("le soir", "in the evening", "post")]


def marco_objeto(modo: str) -> Callable[[random.Random], Pares]:
    """I'm reading a book. / Tom often drinks tea. / She lost her keys. / I didn't buy bread."""

    def fabrica(rng: random.Random) -> Pares:
        uso = rng.choice(USOS)
        if modo == "pres" and not uso.presente:
            return []
        if modo == "habito" and not uso.habitual:
            return []
        if modo == "fut" and uso.verbo == "chercher":  # «aller chercher» significa «ir a buscar»
            return []
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        r = rng.random()
        rama = ""
        if modo == "neg":
            if uso.presente and r < 0.35:
                rama = "presente"
            elif uso.habitual and r < 0.5:
                rama = "nunca"
            else:
                rama = "pasado"
        obj = elegir_objeto(rng, uso, habitual=modo == "habito" or rama == "nunca",
                            sin_num=modo in ("neg", "habito"), sin_pos=any(s.pos_en is None for s in grupo))
        if obj is None:
            return []
        v = V[uso.verbo]
        formas = uso.en
        if uso.verbo == "connaître":  # en pasado cambia de sentido (a connu = conoció)
            if modo in ("pas", "fut") or rama == "pasado":
                return []
            if modo == "preg":
                r = 0.0
        semilla = rng.randrange(1 << 30)
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            if modo == "pres":
                en = frase_en(f"{verbo_en(s, formas, uso.presente, rl)} {obj.en(s)}")
                pares.append((en, frase_fr(fr_presente(s, v, obj.fr(s)))))
                if uso.presente == "prog" and r < 0.2:
                    etre = V["être"].pres[s.persona]
                    pares.append((en, frase_fr(f"{s.fr} {etre} en train de {v.inf} {obj.fr(s)}")))
            elif modo == "habito":
                adv_fr, adv_en, pos = FRECUENCIAS[int(r * len(FRECUENCIAS))]
                if pos == "pre":
                    en = frase_en(f"{s.en} {adv_en} {formas[1] if s.tercera else formas[0]} {obj.en(s)}")
                    fr = fr_presente(s, v, obj.fr(s), adv=adv_fr)
                else:
                    en = frase_en(f"{verbo_en(s, formas, 'pres', rl)} {obj.en(s)} {adv_en}")
                    fr = fr_presente(s, v, f"{obj.fr(s)} {adv_fr}")
                pares.append((en, frase_fr(fr)))
                if obj.det != "def" or r < 0.5:
                    continue
            elif modo == "pas":
                en = frase_en(f"{verbo_en(s, formas, 'pas', rl)} {obj.en(s)}")
                pares.append((en, frase_fr(fr_compuesto(s, v, obj.fr(s)))))
            elif modo == "neg":
                if rama == "presente":
                    tiempo = "pres" if obj.det in ("part", "def") and uso.habitual else uso.presente
                    en = frase_en(f"{verbo_en(s, formas, tiempo, rl, neg=True)} {obj.en(s, neg=True)}")
                    pares.append((en, frase_fr(fr_presente(s, v, obj.fr(s, neg=True), neg="pas"))))
                elif rama == "nunca":
                    en = frase_en(f"{s.en} never {formas[1] if s.tercera else formas[0]} {obj.en(s, neg=True)}")
                    pares.append((en, frase_fr(fr_presente(s, v, obj.fr(s, neg=True), neg="jamais"))))
                else:
                    en = frase_en(f"{verbo_en(s, formas, 'pas', rl, neg=True)} {obj.en(s, neg=True)}")
                    pares.append((en, frase_fr(fr_compuesto(s, v, obj.fr(s, neg=True), neg="pas"))))
            elif modo == "fut":
                neg = r < 0.3
                en = frase_en(f"{verbo_en(s, formas, 'fut', rl, neg=neg)} {obj.en(s, neg=neg)}")
                pares.append((en, frase_fr(fr_perifrasis(s, V["aller"], v, obj.fr(s, neg=neg),
                                                         neg="pas" if neg else None))))
            else:  # preguntas
                if uso.presente and r < 0.5:
                    en = frase_en(f"{pregunta_en(s, formas, uso.presente)} {obj.en(s)}", "?")
                    pares += [(en, fr) for fr in preguntas_fr(s, v.pres[s.persona], obj.fr(s))]
                else:
                    en = frase_en(f"{pregunta_en(s, formas, 'pas')} {obj.en(s)}", "?")
                    aux = auxiliar(v).pres[s.persona]
                    pares += [(en, fr) for fr in preguntas_fr(s, aux, f"{v.pp} {obj.fr(s)}")]
        return pares

    return fabrica


# --- Modales: vouloir, pouvoir, devoir, savoir + infinitivo -------------------------------
# Sintagmas verbales sin objeto: (inglés, francés; «{refl}» = pronombre reflexivo del sujeto)
SV_MOVIMIENTO = [("come", "venir"), ("leave", "partir"), ("stay", "rester"), ("go out", "sortir"),
                 ("come in", "entrer"), ("go home", "rentrer à la maison"), ("help", "aider"),
                 ("sleep", "dormir"), ("wait", "attendre"), ("work", "travailler"), ("rest", "{refl} reposer"),
                 ("stay here", "rester ici"), ("come tomorrow", "venir demain"), ("leave now", "partir maintenant"),
                 ("get up early", "{refl} lever tôt"), ("go to bed", "{refl} coucher"), ("hurry", "{refl} dépêcher")]
SV_HABILIDAD = [("swim", "nager"), ("drive", "conduire"), ("cook", "cuisiner"), ("dance", "danser"),
                ("ski", "skier"), ("read", "lire"), ("write", "écrire"), ("sing", "chanter"), ("draw", "dessiner"),
                ("play the piano", "jouer du piano"), ("play the guitar", "jouer de la guitare"),
                ("ride a bike", "faire du vélo"), ("play chess", "jouer aux échecs")] + [
    (f"speak {en}", f"parler {fr}") for fr, en in IDIOMAS[:12]]
VERBOS_MODALES = {"manger", "boire", "acheter", "vendre", "lire", "écrire", "ouvrir", "fermer", "laver",
                  "regarder", "écouter", "prendre", "préparer", "faire", "dessiner", "nettoyer", "réparer",
                  "utiliser", "apprendre", "finir", "payer", "allumer", "éteindre", "visiter"}
NO_LOGRAR = {"dormir", "travailler", "{refl} reposer", "{refl} lever tôt"}  # je n'arrive pas à dormir
SV_PROHIBIDO = [("smoke here", "fumer ici"), ("touch that", "toucher ça"), ("shout", "crier"), ("lie", "mentir"),
                ("run in the hallway", "courir dans le couloir"), ("eat in class", "manger en classe"),
                ("park here", "se garer ici"), ("forget", "oublier"), ("be late", "être en retard")]


def _sv_fr(fr: str, s: Suj) -> str:
    return fr.replace("{refl}", REFLEXIVOS[s.persona])


def marco_modal(modal: str, modo: str) -> Callable[[random.Random], Pares]:
    """I want to sleep. / Tom can't come. / We have to leave. / Can you swim? (savoir)"""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)
                                   or (modal in ("pouvoir", "devoir") and s.en in ("I", "we"))))
        # Elegir el sintagma verbal: fijo (lista) o verbo + objeto (USOS).
        obj: Objeto | None = None
        uso: Uso | None = None
        if modal == "savoir":
            en_sv, fr_sv = rng.choice(SV_HABILIDAD)
        elif modal == "devoir" and modo == "neg":
            en_sv, fr_sv = rng.choice(SV_PROHIBIDO)
        elif rng.random() < 0.45:
            en_sv, fr_sv = rng.choice(SV_MOVIMIENTO)
        else:
            uso = rng.choice([u for u in USOS if u.verbo in VERBOS_MODALES and u.presente == "prog"])
            obj = elegir_objeto(rng, uso, sin_num=True, sin_pos=any(s.pos_en is None for s in grupo))
            if obj is None:
                return []
            en_sv, fr_sv = uso.en[0], V[uso.verbo].inf
        if modal == "devoir" and modo == "neg" and fr_sv.startswith("se "):
            fr_sv = "{refl} " + fr_sv[3:]
        semilla = rng.randrange(1 << 30)
        variante = rng.random()
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            neg = modo == "neg"
            en_obj = f" {obj.en(s, neg=neg)}" if obj else ""
            fr_inf = _sv_fr(fr_sv, s) + (f" {obj.fr(s, neg=neg)}" if obj else "")
            forma = V[modal].pres[s.persona]
            tercera = s.tercera
            if modal == "vouloir":
                if modo == "af":
                    en = f"{s.en} {'wants' if tercera else 'want'} to {en_sv}{en_obj}"
                elif modo == "neg":
                    en = f"{s.en} {do_en(s, rl)} want to {en_sv}{en_obj}"
                else:
                    en = f"{'does' if tercera else 'do'} {s.en} want to {en_sv}{en_obj}"
            elif modal in ("pouvoir", "savoir"):
                if modo == "af":
                    if modal == "savoir" and variante < 0.35:
                        en = f"{s.en} {'knows' if tercera else 'know'} how to {en_sv}{en_obj}"
                    else:
                        en = f"{s.en} can {en_sv}{en_obj}"
                elif modo == "neg":
                    en = f"{s.en} {'cannot' if variante < 0.15 else 'can' + chr(39) + 't'} {en_sv}{en_obj}"
                else:
                    en = f"can {s.en} {en_sv}{en_obj}"
            else:  # devoir
                if modo == "af":
                    if variante < 0.3:
                        en = f"{s.en} must {en_sv}{en_obj}"
                    else:
                        en = f"{s.en} {'has' if tercera else 'have'} to {en_sv}{en_obj}"
                elif modo == "neg":
                    en = f"{s.en} mustn't {en_sv}{en_obj}"
                else:
                    en = f"{'does' if tercera else 'do'} {s.en} have to {en_sv}{en_obj}"
            if modo == "preg":
                en_final = frase_en(en, "?")
                pares += [(en_final, fr) for fr in preguntas_fr(s, forma, fr_inf)]
                if modal == "devoir" and s.pron == "je":
                    pares.append((en_final, frase_fr(f"dois-je {fr_inf}", "?")))
            elif modo == "neg":
                pares.append((frase_en(en), frase_fr(f"{s.fr} ne {forma} pas {fr_inf}")))
                if modal == "pouvoir" and fr_sv in NO_LOGRAR and variante < 0.5:
                    arriver = V["arriver"].pres[s.persona]
                    pares.append((frase_en(en), frase_fr(f"{s.fr} ne {arriver} pas à {fr_inf}")))
            else:
                pares.append((frase_en(en), frase_fr(f"{s.fr} {forma} {fr_inf}")))
        return pares

    return fabrica


# --- Tener (avoir + objeto), cantidades y necesidades -------------------------------------
FAMILIA_SUST = [
    Sust("m", "frère", "frères", "brother", "brothers", frozenset({"familia"}), frozenset()),
    Sust("f", "sœur", "sœurs", "sister", "sisters", frozenset({"familia"}), frozenset()),
    Sust("m", "enfant", "enfants", "child", "children", frozenset({"familia"}), frozenset()),
    Sust("m", "cousin", "cousins", "cousin", "cousins", frozenset({"familia"}), frozenset()),
    Sust("m", "fils", "fils", "son", "sons", frozenset({"familia"}), frozenset()),
    Sust("f", "fille", "filles", "daughter", "daughters", frozenset({"familia"}), frozenset()),
    Sust("m", "ami", "amis", "friend", "friends", frozenset({"familia"}), frozenset()),
]
_POSESIONES = ["chat", "chien", "cheval", "lapin", "tortue", "hamster", "oiseau", "voiture", "vélo", "moto",
               "bateau", "maison", "appartement", "jardin", "stylo", "parapluie", "ordinateur", "téléphone",
               "billet", "passeport", "montre", "dictionnaire", "valise", "idée", "question", "problème",
               "crayon", "cahier", "livre", "clé"]
POSESIONES = [sust(x) for x in _POSESIONES] + FAMILIA_SUST
# Rango de números verosímil para cada posesión.
RANGO_NUMERO = {"frère": (1, 5), "sœur": (1, 5), "enfant": (1, 6), "cousin": (2, 12), "fils": (1, 4),
                "fille": (1, 4), "ami": (2, 10), "chat": (1, 5), "chien": (1, 4), "cheval": (1, 6),
                "lapin": (1, 6), "stylo": (2, 10), "crayon": (2, 12), "cahier": (2, 8), "livre": (2, 20),
                "billet": (2, 6), "valise": (2, 4), "clé": (2, 6), "vélo": (2, 4), "voiture": (2, 3),
                "oiseau": (2, 6), "question": (2, 5), "idée": (2, 4)}
MUCHOS = [("friends", "amis"), ("books", "livres"), ("money", "argent"), ("work", "travail"),
          ("homework", "devoirs"), ("ideas", "idées"), ("problems", "problèmes"), ("questions", "questions"),
          ("cousins", "cousins"), ("time", "temps"), ("patience", "patience"),
          ("friends in Paris", "amis à Paris"), ("clothes", "vêtements"), ("shoes", "chaussures")]


def marco_tener(modo: str) -> Callable[[random.Random], Pares]:
    """I have a dog. / Tom has two sisters. / I don't have a car. / Do you have a pen?"""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo not in ("preg", "cuantos") or sujeto_pregunta_ok(s)))
        s0 = grupo[0]
        pares: Pares = []
        semilla = rng.randrange(1 << 30)
        if modo == "mucho":
            en_o, fr_o = rng.choice(MUCHOS)
            neg = rng.random() < 0.3
            for s in grupo:
                rl = random.Random(semilla)
                avoir = V["avoir"].pres[s.persona]
                if neg:
                    en = frase_en(f"{s.en} {do_en(s, rl)} have a lot of {en_o}")
                    pares.append((en, frase_fr(f"{s.fr} ne {avoir} pas beaucoup de {fr_o}")))
                else:
                    en = frase_en(f"{s.en} {have_en(s)} a lot of {en_o}")
                    pares.append((en, frase_fr(f"{s.fr} {avoir} beaucoup de {fr_o}")))
            return pares
        n = rng.choice(POSESIONES)
        if n in FAMILIA_SUST and s0.clase == "sn":
            return []
        if modo == "cuantos":
            if n.fr_sg not in RANGO_NUMERO:
                return []
            if s0.en.startswith(("my ", "our ")):
                return []
            pl_fr, pl_en = n.fr(True), n.en(True)
            en = frase_en(f"how many {pl_en} {'does' if s0.tercera else 'do'} {s0.en} have", "?")
            for s in grupo:
                avoir = V["avoir"].pres[s.persona]
                if s.clase == "pron":
                    t = "t-" if s.pron in ("il", "elle") else ""
                    pares.append((en, frase_fr(f"combien de {pl_fr} {avoir}-{t}{s.pron}", "?")))
                else:
                    t = "t-" if s.pron in ("il", "elle") else ""
                    pares.append((en, frase_fr(f"combien de {pl_fr} {s.fr} {avoir}-{t}{s.pron}", "?")))
                pares.append((en, frase_fr(f"{s.fr} {avoir} combien de {pl_fr}", "?")))
            return pares
        if modo == "neg" and n.fr_sg in ("idée", "question", "problème"):
            return []
        masa_dinero = rng.random() < 0.12 and modo != "af"
        if masa_dinero:
            n = sust("argent")
        r = rng.random()
        if n.masa:
            obj = Objeto(n, "part", False, 0, None, some=r < 0.6)
        elif modo == "af" and n.fr_sg in RANGO_NUMERO and r < 0.5:
            a, b = RANGO_NUMERO[n.fr_sg]
            obj = Objeto(n, "num", False, rng.randint(a, b), None, False)
        else:
            plural = n.cats & {"familia"} and modo != "af" and r < 0.6
            obj = Objeto(n, "indef", bool(plural), 0, None, some=False)
        for s in grupo:
            rl = random.Random(semilla)
            avoir = V["avoir"].pres[s.persona]
            if modo == "af":
                en_obj = obj.en(s)
                if obj.det == "num" and obj.num == 1:
                    en_obj = un_en(n.en(False)) if r < 0.25 else en_obj
                en = frase_en(f"{s.en} {have_en(s)} {en_obj}")
                pares.append((en, frase_fr(f"{s.fr} {avoir} {obj.fr(s)}")))
            elif modo == "neg":
                if r > 0.7 and (obj.plural or n.masa):
                    en = frase_en(f"{s.en} {have_en(s)} no {n.en(obj.plural)}")
                else:
                    en = frase_en(f"{s.en} {do_en(s, rl)} have {obj.en(s, neg=True)}")
                pares.append((en, frase_fr(f"{s.fr} ne {avoir} pas {obj.fr(s, neg=True)}")))
            else:
                en_obj = ("any " + n.en(True)) if obj.plural else obj.en(s, neg=n.masa)
                en = frase_en(f"{'does' if s.tercera else 'do'} {s.en} have {en_obj}", "?")
                pares += [(en, fr) for fr in preguntas_fr(s, avoir, obj.fr(s))]
        return pares

    return fabrica


PLURAL_NECESIDAD = {"stylo", "crayon", "cahier", "œuf", "chaise", "livre", "clé"}
NECESIDADES = ["stylo", "sac", "parapluie", "clé", "billet", "passeport", "ordinateur", "téléphone", "carte",
               "dictionnaire", "valise", "voiture", "vélo", "lunettes", "eau", "argent", "aide", "pain", "lait",
               "sel", "sucre", "farine", "œuf", "chaise", "taxi", "manteau", "crayon", "cahier", "livre"]


def marco_necesitar(modo: str) -> Callable[[random.Random], Pares]:
    """I need a pen. → J'ai besoin d'un stylo. / I need the car. → J'ai besoin de la voiture."""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        n = sust(rng.choice(NECESIDADES))
        r = rng.random()
        if n.fr_sg == "œuf":
            r = 0.0  # «the egg» suena raro: siempre «eggs»
        if n.masa:
            det = "part" if (r < 0.8 or n.fr_sg in ("aide", "argent")) else "def"
        elif r < 0.5:
            det = "indef"
        elif r < 0.75 and "llevable" in n.cats and all(s.pos_en for s in grupo):
            det = "pos"
        else:
            det = "def"
        plural = det in ("indef", "def") and n.fr_sg in PLURAL_NECESIDAD and (rng.random() < 0.3
                                                                              or n.fr_sg == "œuf")
        semilla = rng.randrange(1 << 30)
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            avoir = V["avoir"].pres[s.persona]
            if det == "part" or (det == "indef" and (plural or n.solo_plural)):
                fr_o = f"de {n.fr(plural)}"  # besoin d'eau, besoin de stylos, besoin de lunettes
            else:
                fr_o = "de " + sn_fr(n, det, plural, s.persona)
            en_o = sn_en(n, det, plural, s.pos_en, some=plural and r < 0.5)
            if modo == "af":
                en = frase_en(f"{s.en} {'needs' if s.tercera else 'need'} {en_o}")
                pares.append((en, frase_fr(f"{s.fr} {avoir} besoin {fr_o}")))
            elif modo == "neg":
                en_neg = sn_en(n, "any" if (plural or n.masa) and det != "def" else det, plural, s.pos_en)
                en = frase_en(f"{s.en} {do_en(s, rl)} need {en_neg}")
                pares.append((en, frase_fr(f"{s.fr} ne {avoir} pas besoin {fr_o}")))
            else:
                en_q = sn_en(n, "any" if plural and det == "indef" else det, plural, s.pos_en)
                en = frase_en(f"{'does' if s.tercera else 'do'} {s.en} need {en_q}", "?")
                pares += [(en, fr) for fr in preguntas_fr(s, avoir, f"besoin {fr_o}")]
        return pares

    return fabrica


# Lo que se quiere o se pide: (inglés, francés). Bebidas contables (un café) e incontables.
DESEOS = [("a coffee", "un café"), ("a tea", "un thé"), ("an orange juice", "un jus d'orange"),
          ("a beer", "une bière"), ("a lemonade", "une limonade"), ("a hot chocolate", "un chocolat chaud"),
          ("a glass of water", "un verre d'eau"), ("a glass of wine", "un verre de vin"),
          ("some water", "de l'eau"), ("some bread", "du pain"), ("some cheese", "du fromage"),
          ("some milk", "du lait"), ("some tea", "du thé"), ("some soup", "de la soupe"),
          ("some rice", "du riz"), ("some cake", "du gâteau"), ("a dog", "un chien"), ("a cat", "un chat"),
          ("a new bike", "un nouveau vélo"), ("a bigger house", "une maison plus grande"),
          ("an ice cream", "une glace"), ("an apple", "une pomme"), ("a sandwich", "un sandwich"),
          ("a croissant", "un croissant"), ("a room with a view", "une chambre avec vue"),
          ("a table for two", "une table pour deux"), ("a ticket for Lyon", "un billet pour Lyon"),
          ("a kilo of apples", "un kilo de pommes"), ("two coffees", "deux cafés"),
          ("a piece of cake", "un morceau de gâteau")]


DESEOS_NEGABLES = {"un café", "un thé", "une bière", "du pain", "du fromage", "du lait", "du thé",
                   "de la soupe", "du riz", "du gâteau", "un chien", "un chat", "une glace", "de l'eau"}


def _de_tras_negacion(fr: str) -> str:
    """un café → de café, de l'eau → d'eau, du pain → de pain (tras «ne ... pas»)."""
    for art in ("un ", "une ", "du ", "de la ", "de l'", "des "):
        if fr.startswith(art):
            return "de " + fr[len(art):]
    return fr


def marco_querer(modo: str) -> Callable[[random.Random], Pares]:
    """I want a coffee. / I'd like some water. / Would you like some tea? / I don't want any cake."""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        en_o, fr_o = rng.choice(DESEOS)
        semilla = rng.randrange(1 << 30)
        r = rng.random()
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            veux = V["vouloir"].pres[s.persona]
            voudrais = CONDICIONAL_VOULOIR[s.persona]
            if modo == "af":
                if r < 0.5:
                    en = frase_en(f"{s.en} {'wants' if s.tercera else 'want'} {en_o}")
                    pares.append((en, frase_fr(f"{s.fr} {veux} {fr_o}")))
                else:
                    contr = {"I": "I'd", "you": "you'd", "he": "he'd", "she": "she'd", "we": "we'd",
                             "they": "they'd"}
                    suj_en = contr.get(s.en, f"{s.en} would") if r < 0.85 else f"{s.en} would"
                    en = frase_en(f"{suj_en} like {en_o}")
                    pares.append((en, frase_fr(f"{s.fr} {voudrais} {fr_o}")))
            elif modo == "neg":
                if fr_o not in DESEOS_NEGABLES:
                    return []
                en_neg = "any " + en_o[5:] if en_o.startswith("some ") else en_o
                en = frase_en(f"{s.en} {do_en(s, rl)} want {en_neg}")
                pares.append((en, frase_fr(f"{s.fr} ne {veux} pas {_de_tras_negacion(fr_o)}")))
            else:
                if fr_o not in DESEOS_NEGABLES and fr_o not in ("un jus d'orange", "une limonade",
                                                                  "un chocolat chaud", "un sandwich", "une pomme",
                                                                  "un croissant", "un verre d'eau"):
                    return []
                if r < 0.5:
                    en = frase_en(f"{'does' if s.tercera else 'do'} {s.en} want {en_o}", "?")
                    pares += [(en, fr) for fr in preguntas_fr(s, veux, fr_o)]
                else:
                    en = frase_en(f"would {s.en} like {en_o}", "?")
                    pares += [(en, fr) for fr in preguntas_fr(s, voudrais, fr_o)]
        return pares

    return fabrica


# --- Gustos y preferencias ------------------------------------------------------------------
def _gustos() -> list[tuple[str, str, str]]:
    """(francés con artículo definido, inglés genérico, grupo para comparar preferencias)."""
    lista = [(f"les {sust(x).fr(True)}", sust(x).en(True), "animales")
             for x in ["chat", "chien", "cheval", "oiseau", "araignée", "serpent", "lapin"]]
    lista += [(f"les {sust(x).fr(True)}", sust(x).en(True), "frutas")
              for x in ["pomme", "banane", "fraise", "cerise", "orange", "tomate", "carotte", "poire"]]
    lista += [(sn_fr(sust(x), "def"), sust(x).en(False), "comidas")
              for x in ["fromage", "riz", "viande", "poisson", "soupe", "salade", "chocolat", "miel", "pâtes",
                        "jambon"]]
    lista += [(sn_fr(sust(x), "def"), sust(x).en(False), "bebidas")
              for x in ["café", "thé", "lait", "vin", "bière", "jus d'orange", "eau"]]
    lista += [(f"le {c.formas[0]}", c.en, "colores") for c in COLORES]
    lista += [(f"le {fr}", en, "idiomas") for fr, en in IDIOMAS[:12]]
    lista += [
        ("la musique", "music", "ocio"), ("le sport", "sports", "ocio"), ("le cinéma", "movies", "ocio"),
        ("la danse", "dance", "ocio"), ("la lecture", "reading", "ocio"), ("la mer", "the sea", "paisajes"),
        ("la montagne", "the mountains", "paisajes"), ("la campagne", "the countryside", "paisajes"),
        ("la ville", "the city", "paisajes"), ("la neige", "snow", "tiempo"), ("la pluie", "rain", "tiempo"),
        ("le soleil", "the sun", "tiempo"), ("le vent", "wind", "otros"), ("le froid", "the cold", "otros"),
        ("la chaleur", "the heat", "otros"), ("le hiver", "winter", "estaciones"),
        ("le été", "summer", "estaciones"), ("le printemps", "spring", "estaciones"),
        ("le automne", "autumn", "estaciones"), ("le jazz", "jazz", "musica"), ("le rock", "rock", "musica"),
        ("le rap", "rap", "musica"), ("la musique classique", "classical music", "musica"),
        ("le football", "soccer", "deportes"), ("le tennis", "tennis", "deportes"),
        ("le basket", "basketball", "deportes"), ("la natation", "swimming", "deportes"),
        ("le ski", "skiing", "deportes"), ("les échecs", "chess", "juegos"), ("les cartes", "cards", "juegos"),
        ("les maths", "math", "asignaturas"), ("le histoire", "history", "asignaturas"),
        ("les sciences", "science", "asignaturas"), ("le art", "art", "asignaturas"),
        ("la géographie", "geography", "asignaturas"), ("la poésie", "poetry", "artes"),
        ("la peinture", "painting", "artes"), ("la photographie", "photography", "artes"),
        ("la nature", "nature", "otros"), ("les fleurs", "flowers", "otros"), ("les livres", "books", "otros"),
        ("les films d'horreur", "horror movies", "cine"), ("les comédies", "comedies", "cine"),
        ("les dessins animés", "cartoons", "cine"), ("le bruit", "noise", "otros"),
    ]
    return lista


GUSTOS = _gustos()
VERBOS_GUSTO = [("like", "likes", ["aimer", "aimer bien"]), ("love", "loves", ["adorer", "aimer"]),
                ("hate", "hates", ["détester"])]


def _conj_gusto(s: Suj, clave: str) -> str:
    """aimer / aimer bien / adorer / détester conjugados (aimer bien → «aime bien»)."""
    if clave == "aimer bien":
        return V["aimer"].pres[s.persona] + " bien"
    return V[clave].pres[s.persona]


def marco_gustos(modo: str) -> Callable[[random.Random], Pares]:
    """I like cats. → J'aime les chats. / Do you like jazz? / I prefer tea to coffee."""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en != "the baby"
                              and (modo not in ("preg", "prefpreg") or sujeto_pregunta_ok(s)))
        fr_o, en_o, grupo_o = rng.choice(GUSTOS)
        semilla = rng.randrange(1 << 30)
        pares: Pares = []
        if modo in ("pref", "prefpreg"):
            otros = [g for g in GUSTOS if g[2] == grupo_o and g[0] != fr_o and grupo_o != "otros"]
            if not otros:
                return []
            fr_b, en_b, _ = rng.choice(otros)
            for s in grupo:
                pref = V["préférer"].pres[s.persona]
                if modo == "pref":
                    en = frase_en(f"{s.en} {'prefers' if s.tercera else 'prefer'} {en_o} to {en_b}")
                    pares.append((en, frase_fr(f"{s.fr} {pref} {fr_o} à {fr_b}")))
                else:
                    en = frase_en(f"{'does' if s.tercera else 'do'} {s.en} prefer {en_o} or {en_b}", "?")
                    pares += [(en, fr) for fr in preguntas_fr(s, pref, f"{fr_o} ou {fr_b}")]
            return pares
        en_v, en_v3, claves = rng.choice(VERBOS_GUSTO)
        if modo == "neg":
            en_v, en_v3, claves = VERBOS_GUSTO[0]  # I don't like... (no «don't love»)
        if fr_o == "le bruit" and en_v != "hate":
            return []
        for s in grupo:
            rl = random.Random(semilla)
            if modo == "af":
                en = frase_en(f"{s.en} {en_v3 if s.tercera else en_v} {en_o}")
                for clave in claves:
                    pares.append((en, frase_fr(f"{s.fr} {_conj_gusto(s, clave)} {fr_o}")))
            elif modo == "neg":
                en = frase_en(f"{s.en} {do_en(s, rl)} like {en_o}")
                pares.append((en, frase_fr(f"{s.fr} ne {V['aimer'].pres[s.persona]} pas {fr_o}")))
            else:
                en = frase_en(f"{'does' if s.tercera else 'do'} {s.en} {en_v} {en_o}", "?")
                pares += [(en, fr) for fr in preguntas_fr(s, V[claves[0]].pres[s.persona], fr_o)]
        return pares

    return fabrica


# Actividades para «I like to read / I like reading»: (base, gerundio, francés).
ACTIVIDADES = [
    ("read", "reading", "lire"), ("dance", "dancing", "danser"), ("sing", "singing", "chanter"),
    ("cook", "cooking", "cuisiner"), ("swim", "swimming", "nager"), ("travel", "traveling", "voyager"),
    ("run", "running", "courir"), ("draw", "drawing", "dessiner"), ("walk", "walking", "marcher"),
    ("write", "writing", "écrire"), ("play chess", "playing chess", "jouer aux échecs"),
    ("watch movies", "watching movies", "regarder des films"),
    ("go to the movies", "going to the movies", "aller au cinéma"), ("sleep", "sleeping", "dormir"),
    ("wait", "waiting", "attendre"), ("fish", "fishing", "pêcher"), ("ski", "skiing", "skier"),
    ("take photos", "taking photos", "prendre des photos"),
    ("listen to music", "listening to music", "écouter de la musique"),
    ("play the guitar", "playing the guitar", "jouer de la guitare"),
    ("learn languages", "learning languages", "apprendre des langues"), ("study", "studying", "étudier"),
    ("get up early", "getting up early", "{refl} lever tôt"),
    ("go shopping", "going shopping", "faire les magasins"), ("work", "working", "travailler"),
    ("play soccer", "playing soccer", "jouer au football"), ("drive", "driving", "conduire"),
    ("do the dishes", "doing the dishes", "faire la vaisselle"), ("speak French", "speaking French", "parler français"),
    ("go for walks", "going for walks", "{refl} promener"), ("ride my bike", "riding my bike", "faire du vélo"),
    ("play cards", "playing cards", "jouer aux cartes"), ("go to the beach", "going to the beach", "aller à la plage"),
]


def marco_gusto_infinitivo(modo: str) -> Callable[[random.Random], Pares]:
    """I like to read. / I like reading. → J'aime lire. / Does Tom like to dance? → Tom aime-t-il danser ?"""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        base, ger, fr_act = rng.choice(ACTIVIDADES)
        if "my bike" in base and grupo[0].en != "I":
            return []
        en_v, en_v3, claves = rng.choice(VERBOS_GUSTO + [("prefer", "prefers", ["préférer"])])
        if modo == "neg":
            en_v, en_v3, claves = VERBOS_GUSTO[0]
        gerundio = rng.random() < 0.5
        semilla = rng.randrange(1 << 30)
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            act_en = ger if gerundio else f"to {base}"
            act_fr = _sv_fr(fr_act, s)
            if modo == "af":
                en = frase_en(f"{s.en} {en_v3 if s.tercera else en_v} {act_en}")
                for clave in claves:
                    pares.append((en, frase_fr(f"{s.fr} {_conj_gusto(s, clave)} {act_fr}")))
            elif modo == "neg":
                en = frase_en(f"{s.en} {do_en(s, rl)} like {act_en}")
                pares.append((en, frase_fr(f"{s.fr} ne {V['aimer'].pres[s.persona]} pas {act_fr}")))
            else:
                if en_v == "prefer":
                    return []
                en = frase_en(f"{'does' if s.tercera else 'do'} {s.en} {en_v} {act_en}", "?")
                pares += [(en, fr) for fr in preguntas_fr(s, V[claves[0]].pres[s.persona], act_fr)]
        return pares

    return fabrica


# --- Movimiento en pasado (auxiliar «être») --------------------------------------------------
def _destino(rng: random.Random) -> tuple[str, str, str]:
    """Destino al azar: (inglés «to ...», inglés «in/at ...», francés con preposición)."""
    r = rng.random()
    if r < 0.45:
        lugar = rng.choice(LUGARES)
        return lugar.en_a, lugar.en_en, lugar.fr_con_prep()
    if r < 0.75:
        fr, en, _, _ = rng.choice(CIUDADES)
        return f"to {en}", f"in {en}", f"à {fr}"
    p = rng.choice(PAISES)
    return f"to {p.en}", f"in {p.en}", p.en_fr()


def marco_pasado_movimiento(modo: str) -> Callable[[random.Random], Pares]:
    """Tom went to the beach. → Tom est allé à la plage. / Marie left early. → Marie est partie tôt."""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s))
                              and (modo != "ya" or not s.en.startswith(("my ", "our "))))
        s0 = grupo[0]
        verbo = rng.choice(["aller", "aller", "venir", "arriver", "partir", "sortir", "rentrer", "rester",
                            "tomber", "revenir", "retourner", "naître", "entrer"])
        v = V[verbo]
        tiempo_fr, tiempo_en = rng.choice(TIEMPOS_PASADO)
        en_a, en_en, fr_dest = _destino(rng)
        # Complemento según el verbo: (inglés, francés)
        if verbo == "aller":
            comp = (en_a, fr_dest)
        elif verbo == "retourner":
            if not fr_dest.startswith(("à ", "en ", "au ", "aux ")) or en_a.startswith("to the "):
                return []
            comp = (en_a, fr_dest)
        elif verbo == "rester" or (verbo == "arriver" and rng.random() < 0.5):
            if verbo == "rester" and rng.random() < 0.5:
                comp = ("home", "à la maison")
            else:
                comp = (en_en, fr_dest)
        elif verbo == "naître":
            if rng.random() < 0.5:
                mes_fr, mes_en = rng.choice(MESES)
                comp = (f"in {mes_en}", f"en {mes_fr}")
            else:
                fr, en, _, _ = rng.choice(CIUDADES)
                comp = (f"in {en}", f"à {fr}")
        elif verbo == "tomber":
            comp = rng.choice([("", ""), ("down the stairs", "dans l'escalier"), ("in the street", "dans la rue")])
        elif verbo in ("descendre", "entrer"):
            comp = ("", "")
        else:
            comp = (tiempo_en, tiempo_fr)
        en_c, fr_c = comp
        pares: Pares = []
        semilla = rng.randrange(1 << 30)
        r = rng.random()
        for s in grupo:
            rl = random.Random(semilla)
            pp = acordar_pp(v, s)
            etre = V["être"].pres[s.persona]
            if verbo == "naître":
                en_pasado = f"{s.en} {'was' if s.tipo in ('1s', '3s') else 'were'} born"
                if modo == "neg":
                    en_pasado = f"{s.en} {'wasn' if s.tipo in ('1s', '3s') else 'weren'}'t born"
            else:
                en_pasado = verbo_en(s, v.en, "pas", rl, neg=modo == "neg")
            if modo == "af":
                en = frase_en(f"{en_pasado} {en_c}")
                pares.append((en, frase_fr(fr_compuesto(s, v, fr_c))))
            elif modo == "neg":
                en = frase_en(f"{en_pasado} {en_c}")
                pares.append((en, frase_fr(fr_compuesto(s, v, fr_c, neg="pas"))))
            elif modo == "ya":  # already / never / ever
                if verbo == "aller" and r < 0.5:
                    if fr_c.startswith(("à la ", "à le ", "dans ", "chez ")):
                        return []  # «I've never been to the bank» no tiene sentido
                    en_c2 = en_c
                    if s0.en == "I" or r < 0.25:
                        en = frase_en(f"{s.en} {have_en(s)} never been {en_c2}")
                        pares.append((en, frase_fr(f"{s.fr} ne {etre} jamais {pp} {fr_c}")))
                    else:
                        en = frase_en(f"{'has' if s.tercera else 'have'} {s.en} ever been {en_c2}", "?")
                        pares += [(en, fr) for fr in preguntas_fr(s, etre, f"déjà {pp} {fr_c}")]
                elif verbo in ("partir", "arriver", "rentrer") and s0.tipo in ("3s", "3p"):
                    contr = "'s" if s.tercera else "'ve"
                    suj_en = s.en + contr if s.clase == "pron" else f"{s.en} {have_en(s)}"
                    en = frase_en(f"{suj_en} already {v.en[3]}")
                    pares.append((en, frase_fr(f"{s.fr} {etre} déjà {pp}")))
                else:
                    return []
            else:  # preguntas
                if verbo == "naître":
                    return []
                if r < 0.4 and verbo == "aller":
                    en = frase_en(f"where did {s.en} go", "?")
                    if s.clase == "pron":
                        pares += [(en, fr) for fr in preguntas_fr(s, etre, pp, interrogativo="où")]
                    else:
                        pares.append((en, frase_fr(f"où est {pp} {s.fr}", "?")))
                        pares += [(en, fr) for fr in preguntas_fr(s, etre, pp, interrogativo="où")]
                elif r < 0.7 and verbo in ("arriver", "partir", "rentrer", "revenir"):
                    en = frase_en(f"when did {s.en} {v.en[0]}", "?")
                    pares += [(en, fr) for fr in preguntas_fr(s, etre, pp, interrogativo="quand")]
                else:
                    en = frase_en(f"did {s.en} {v.en[0]} {en_c}", "?")
                    pares += [(en, fr) for fr in preguntas_fr(s, etre, f"{pp} {fr_c}")]
        return pares

    return fabrica


# «Acabar de» (passé récent): Tom just left. → Tom vient de partir.
RECIENTE = [("arriver", "arrived"), ("partir", "left"), ("manger", "eaten"), ("rentrer", "come home"),
            ("finir", "finished"), ("sortir", "gone out"), ("se lever", "gotten up"), ("se réveiller", "woken up"),
            ("appeler", "called"), ("se coucher", "gone to bed"), ("commencer", "started")]


def marco_reciente(rng: random.Random) -> Pares:
    grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"})
    clave, pp_en = rng.choice(RECIENTE)
    v = V[clave]
    corto = rng.random() < 0.5
    pares: Pares = []
    for s in grupo:
        if corto:
            en = frase_en(f"{s.en} just {v.en[2]}")
        else:
            suj = s.en + ("'s" if s.tercera else "'ve") if s.clase == "pron" else f"{s.en} {have_en(s)}"
            en = frase_en(f"{suj} just {pp_en}")
        venir = V["venir"].pres[s.persona]
        pares.append((en, frase_fr(f"{s.fr} {venir} de {infinitivo_fr(v, s)}")))
    return pares


# --- Números: «il y a», cantidades -----------------------------------------------------------
ELEVE = Sust("m", "élève", "élèves", "student", "students", frozenset({"num"}), frozenset())
# (inglés, francés, sustantivos, mínimo, máximo)
CONTENEDORES = [
    ("in the basket", "dans le panier", ["pomme", "orange", "poire", "banane", "œuf", "pêche"], 1, 12),
    ("on the table", "sur la table", ["livre", "stylo", "tasse", "assiette", "bouteille", "clé", "pomme", "crayon"],
     1, 10),
    ("in the garden", "dans le jardin", ["chat", "chien", "oiseau", "poule", "lapin", "arbre", "fleur"], 1, 12),
    ("in the fridge", "dans le frigo", ["œuf", "bouteille", "yaourt", "tomate", "carotte"], 1, 12),
    ("in the classroom", "dans la classe", [ELEVE], 10, 20),
    ("in the street", "dans la rue", ["voiture", "vélo", "bus"], 1, 10),
    ("in the field", "dans le pré", ["vache", "mouton", "cheval", "cochon"], 2, 20),
    ("on the lake", "sur le lac", ["canard", "bateau"], 2, 12),
    ("in the tree", "dans le arbre", ["oiseau"], 1, 8),
    ("in my bag", "dans mon sac", ["livre", "stylo", "clé", "cahier", "pomme"], 1, 6),
    ("in the box", "dans la boîte", ["jouet", "crayon", "biscuit", "photo", "lettre"], 2, 20),
    ("on the shelf", "sur la étagère", ["livre", "tasse", "photo", "plante"], 2, 12),
    ("in the parking lot", "sur le parking", ["voiture", "moto", "vélo"], 2, 20),
]


def marco_hay(modo: str) -> Callable[[random.Random], Pares]:
    """There are three apples in the basket. → Il y a trois pommes dans le panier."""

    def fabrica(rng: random.Random) -> Pares:
        en_c, fr_c, nombres, a, b = rng.choice(CONTENEDORES)
        elegido = rng.choice(nombres)
        n = elegido if isinstance(elegido, Sust) else sust(elegido)
        if modo == "af":
            k = rng.randint(a, b)
            if k == 1:
                en = f"There's {un_en(n.en(False))} {en_c}." if rng.random() < 0.6 else \
                    f"There is one {n.en(False)} {en_c}."
            else:
                en = f"There are {NUM_EN[k]} {n.en(True)} {en_c}."
            return [(en, frase_fr(f"il y a {sn_fr(n, 'num', num=k)} {fr_c}"))]
        if modo == "neg":
            if rng.random() < 0.5:
                en = f"There are no {n.en(True)} {en_c}."
            else:
                en = f"There aren't any {n.en(True)} {en_c}."
            return [(en, frase_fr(f"il n'y a pas de {n.fr(True)} {fr_c}"))]
        if modo == "cuantos":
            en = f"How many {n.en(True)} are there {en_c}?"
            return [(en, frase_fr(f"combien de {n.fr(True)} y a-t-il {fr_c}", "?")),
                    (en, frase_fr(f"il y a combien de {n.fr(True)} {fr_c}", "?"))]
        en = f"Are there any {n.en(True)} {en_c}?"
        return [(en, frase_fr(f"y a-t-il des {n.fr(True)} {fr_c}", "?")),
                (en, frase_fr(f"est-ce qu'il y a des {n.fr(True)} {fr_c}", "?")),
                (en, frase_fr(f"il y a des {n.fr(True)} {fr_c}", "?"))]

    return fabrica


# --- La hora ---------------------------------------------------------------------------------
def _hora(rng: random.Random, con_at: bool = True, desde: int = 1, hasta: int = 11,
          extremos: tuple[str, ...] = ("noon", "midnight")) -> tuple[str, str]:
    """Una hora en inglés y en francés: at eight (o'clock) → à huit heures; half past → et demie."""
    r = rng.random()
    n = rng.randint(desde, hasta)
    heures = "heure" if n == 1 else "heures"
    base_fr = f"{num_fr(n, 'f')} {heures}"
    if r < 0.45:
        en = NUM_EN[n] + (" o'clock" if rng.random() < 0.5 else "")
        fr = base_fr
    elif r < 0.65:
        en, fr = f"half past {NUM_EN[n]}", f"{base_fr} et demie"
    elif r < 0.78:
        en, fr = f"a quarter past {NUM_EN[n]}", f"{base_fr} et quart"
    elif r < 0.9:
        en, fr = f"a quarter to {NUM_EN[n]}", f"{base_fr} moins le quart"
    elif r < 0.95 and "noon" in extremos:
        en, fr = "noon", "midi"
    elif "midnight" in extremos:
        en, fr = "midnight", "minuit"
    else:
        en, fr = NUM_EN[n], base_fr
    if con_at:
        return f"at {en}", f"à {fr}"
    return en, fr


def marco_hora_es(rng: random.Random) -> Pares:
    """It's half past three. → Il est trois heures et demie."""
    en, fr = _hora(rng, con_at=False)
    if en in ("noon", "midnight"):
        return []
    pares = [(f"It's {en}.", frase_fr(f"il est {fr}"))]
    if rng.random() < 0.2:
        pares = [(f"It is {en}.", frase_fr(f"il est {fr}"))]
    return pares


# Acontecimientos con hora: (inglés, francés, [(verbo inglés 3s, base, francés 3s)]).
EVENTOS = [
    ("the train", "le train", [("leaves", "leave", "part"), ("arrives", "arrive", "arrive")]),
    ("the bus", "le bus", [("leaves", "leave", "part"), ("arrives", "arrive", "arrive")]),
    ("the plane", "le avion", [("leaves", "leave", "part"), ("lands", "land", "atterrit"),
                               ("takes off", "take off", "décolle")]),
    ("the movie", "le film", [("starts", "start", "commence"), ("ends", "end", "finit")]),
    ("the class", "le cours", [("starts", "start", "commence"), ("ends", "end", "finit")]),
    ("the store", "le magasin", [("opens", "open", "ouvre"), ("closes", "close", "ferme")]),
    ("the museum", "le musée", [("opens", "open", "ouvre"), ("closes", "close", "ferme")]),
    ("the bank", "la banque", [("opens", "open", "ouvre"), ("closes", "close", "ferme")]),
    ("the concert", "le concert", [("starts", "start", "commence")]),
    ("the meeting", "la réunion", [("starts", "start", "commence"), ("ends", "end", "se termine")]),
    ("the party", "la fête", [("starts", "start", "commence")]),
    ("the game", "le match", [("starts", "start", "commence")]),
    ("the market", "le marché", [("opens", "open", "ouvre"), ("closes", "close", "ferme")]),
    ("school", "le école", [("starts", "start", "commence"), ("ends", "end", "finit")]),
    ("the pharmacy", "la pharmacie", [("opens", "open", "ouvre"), ("closes", "close", "ferme")]),
    ("the library", "la bibliothèque", [("opens", "open", "ouvre"), ("closes", "close", "ferme")]),
    ("dinner", "le dîner", [("is", "be", "est")]), ("lunch", "le déjeuner", [("is", "be", "est")]),
    ("breakfast", "le petit-déjeuner", [("is", "be", "est")]),
]
HORARIO_COMIDAS = {"le dîner": (6, 9, ()), "le déjeuner": (1, 2, ("noon",)), "le petit-déjeuner": (6, 9, ())}


def marco_hora_evento(modo: str) -> Callable[[random.Random], Pares]:
    """The train leaves at eight. → Le train part à huit heures. / What time does the bank open?"""

    def fabrica(rng: random.Random) -> Pares:
        en_s, fr_s, verbos = rng.choice(EVENTOS)
        en_v3, en_base, fr_v = rng.choice(verbos)
        if modo == "af":
            desde, hasta, extremos = HORARIO_COMIDAS.get(fr_s, (1, 11, ("noon", "midnight")))
            en_h, fr_h = _hora(rng, desde=desde, hasta=hasta, extremos=extremos)
            return [(frase_en(f"{en_s} {en_v3} {en_h}"), frase_fr(f"{fr_s} {fr_v} {fr_h}"))]
        if en_base == "be":
            en = frase_en(f"what time is {en_s}", "?")
            return [(en, frase_fr(f"à quelle heure est {fr_s}", "?")),
                    (en, frase_fr(f"{fr_s} est à quelle heure", "?"))]
        en = frase_en(f"what time does {en_s} {en_base}", "?")
        pron = "il" if fr_s.startswith("le ") else "elle"
        t = "t-" if fr_v.endswith("e") else ""
        if fr_v.startswith("se "):
            invertido = f"{fr_s} {fr_v}-{t}{pron}"
        else:
            invertido = f"{fr_s} {fr_v}-{t}{pron}"
        return [(en, frase_fr(f"à quelle heure {fr_v} {fr_s}", "?")),
                (en, frase_fr(f"à quelle heure {invertido}", "?")),
                (en, frase_fr(f"{fr_s} {fr_v} à quelle heure", "?"))]

    return fabrica


# Rutinas con hora: (verbo, inglés base, 3s, pasado, complemento francés, horas verosímiles)
RUTINAS = [
    ("se lever", "get up", "gets up", "got up", "", (5, 9, ())),
    ("se coucher", "go to bed", "goes to bed", "went to bed", "", (9, 11, ("midnight",))),
    ("se réveiller", "wake up", "wakes up", "woke up", "", (5, 9, ())),
    ("déjeuner", "have lunch", "has lunch", "had lunch", "", (1, 2, ("noon",))),
    ("dîner", "have dinner", "has dinner", "had dinner", "", (6, 9, ())),
    ("commencer", "start work", "starts work", "started work", "le travail", (7, 10, ())),
    ("finir", "finish work", "finishes work", "finished work", "le travail", (4, 7, ())),
    ("partir", "leave home", "leaves home", "left home", "de chez {tonico}", (7, 9, ())),
    ("rentrer", "come home", "comes home", "came home", "à la maison", (5, 8, ())),
    ("prendre", "have breakfast", "has breakfast", "had breakfast", "le petit-déjeuner", (6, 9, ())),
]


def marco_rutina(modo: str) -> Callable[[random.Random], Pares]:
    """I get up at six. → Je me lève à six heures. / What time do you go to bed?"""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        clave, base, s3, pasado, comp, (desde, hasta, extremos) = rng.choice(RUTINAS)
        v = V[clave]
        en_h, fr_h = _hora(rng, desde=desde, hasta=hasta, extremos=extremos)
        if rng.random() < 0.2 and modo != "preg":
            en_h, fr_h = rng.choice([("early", "tôt"), ("late", "tard")])
        pares: Pares = []
        for s in grupo:
            c = comp.format(tonico=s.tonico)
            resto = f"{fr_h} {c}" if fr_h in ("tôt", "tard") else f"{c} {fr_h}"  # rentre tard à la maison
            if modo == "pres":
                en = frase_en(f"{s.en} {s3 if s.tercera else base} {en_h}")
                pares.append((en, frase_fr(fr_presente(s, v, resto))))
            elif modo == "pas":
                en = frase_en(f"{s.en} {pasado} {en_h}")
                pares.append((en, frase_fr(fr_compuesto(s, v, resto))))
            else:
                en = frase_en(f"what time {'does' if s.tercera else 'do'} {s.en} {base}", "?")
                forma = reflexivo(v, s) + v.pres[s.persona]
                pares += [(en, fr) for fr in preguntas_fr(s, forma, c, interrogativo="à quelle heure")]
                pares.append((en, frase_fr(f"{s.fr} {forma} {c} à quelle heure", "?")))
        return pares

    return fabrica


# --- Días, meses y fechas ------------------------------------------------------------------------
PLANTILLAS_DIA = [
    ("Today is {D}.", ["Aujourd'hui, c'est {d}.", "Nous sommes {d}.", "On est {d}."]),
    ("Tomorrow is {D}.", ["Demain, c'est {d}.", "Demain, nous serons {d}."]),
    ("Yesterday was {D}.", ["Hier, c'était {d}.", "Hier, nous étions {d}."]),
    ("See you on {D}!", ["À {d} !"]),
    ("See you next {D}.", ["À {d} prochain."]),
    ("I work on {D}s.", ["Je travaille le {d}."]),
    ("We don't work on {D}s.", ["Nous ne travaillons pas le {d}.", "On ne travaille pas le {d}."]),
    ("The museum is closed on {D}s.", ["Le musée est fermé le {d}."]),
    ("The market is on {D}s.", ["Le marché a lieu le {d}."]),
    ("The party is on {D}.", ["La fête est {d}.", "La fête a lieu {d}."]),
    ("The meeting is on {D}.", ["La réunion est {d}.", "La réunion a lieu {d}."]),
    ("I'm free on {D}.", ["Je suis libre {d}."]),
    ("Are you free on {D}?", ["Tu es libre {d} ?", "Es-tu libre {d} ?", "Êtes-vous libre {d} ?"]),
    ("Let's meet on {D}.", ["Retrouvons-nous {d}.", "On se retrouve {d}."]),
    ("I'll call you on {D}.", ["Je t'appellerai {d}.", "Je vous appellerai {d}."]),
    ("The exam is on {D}.", ["L'examen est {d}.", "L'examen a lieu {d}."]),
    ("I go swimming on {D}s.", ["Je vais nager le {d}.", "Je vais à la piscine le {d}."]),
    ("What are you doing on {D}?", ["Que fais-tu {d} ?", "Qu'est-ce que tu fais {d} ?", "Que faites-vous {d} ?"]),
    ("{N} arrived on {D}.", ["{N} est arrivé{e} {d}."]),
    ("{N} is leaving on {D}.", ["{N} part {d}."]),
    ("{N} plays tennis on {D}s.", ["{N} joue au tennis le {d}."]),
    ("{N} visits {pos} grandmother on {D}s.", ["{N} rend visite à sa grand-mère le {d}."]),
]
PLANTILLAS_MES = [
    ("I was born in {M}.", ["Je suis né en {m}.", "Je suis née en {m}."]),
    ("{N} was born in {M}.", ["{N} est né{e} en {m}."]),
    ("My birthday is in {M}.", ["Mon anniversaire est en {m}.", "Mon anniversaire est au mois de {m}."]),
    ("{N}'s birthday is in {M}.", ["L'anniversaire de {N} est en {m}."]),
    ("It's cold in {M}.", ["Il fait froid en {m}."], {0, 1, 2, 10, 11}),
    ("It's hot in {M}.", ["Il fait chaud en {m}."], {5, 6, 7}),
    ("It often rains in {M}.", ["Il pleut souvent en {m}."], {2, 3, 9, 10}),
    ("It snows in {M}.", ["Il neige en {m}."], {0, 1, 11}),
    ("We're going on vacation in {M}.", ["Nous partons en vacances en {m}.", "On part en vacances en {m}."],
     {1, 3, 6, 7, 11}),
    ("The exam is in {M}.", ["L'examen est en {m}.", "L'examen a lieu en {m}."]),
    ("{N} is getting married in {M}.", ["{N} se marie en {m}."]),
    ("I'm going to Spain in {M}.", ["Je vais en Espagne en {m}."]),
    ("We moved in {M}.", ["Nous avons déménagé en {m}.", "On a déménagé en {m}."]),
    ("{M} is my favorite month.", ["{Mm} est mon mois préféré."]),
    ("The school year starts in {M}.", ["L'année scolaire commence en {m}."], {8}),
]


def marco_dia(rng: random.Random) -> Pares:
    """Frases con días de la semana."""
    plantilla_en, plantillas_fr = rng.choice(PLANTILLAS_DIA)
    d_fr, d_en = rng.choice(DIAS)
    x = nombre_al_azar(rng)
    campos = {"d": d_fr, "N": x.fr, "e": "e" if x.genero == "f" else ""}
    en = plantilla_en.format(D=d_en, N=x.en, pos=x.pos_en)
    return [(en, completar(p, **campos)) for p in plantillas_fr]


def marco_mes(rng: random.Random) -> Pares:
    """Frases con meses."""
    plantilla = rng.choice(PLANTILLAS_MES)
    plantilla_en, plantillas_fr = plantilla[0], plantilla[1]
    meses = sorted(plantilla[2]) if len(plantilla) > 2 else list(range(12))  # meses verosímiles
    m_fr, m_en = MESES[rng.choice(meses)]
    x = nombre_al_azar(rng)
    campos = {"m": m_fr, "Mm": mayuscula_inicial(m_fr), "N": x.fr, "e": "e" if x.genero == "f" else ""}
    en = plantilla_en.format(M=m_en, N=x.en)
    return [(en, completar(p, **campos)) for p in plantillas_fr]


def marco_fecha(rng: random.Random) -> Pares:
    """My birthday is on May fifth. → Mon anniversaire est le cinq mai. (le premier, le huit, le onze)"""
    m_fr, m_en = rng.choice(MESES)
    d = rng.randint(1, 20)
    dia_fr = "premier" if d == 1 else NUM_FR[d]
    if rng.random() < 0.5:
        fecha_en = f"{m_en} {ORDINALES_EN[d]}"
    else:
        fecha_en = f"the {ORDINALES_EN[d]} of {m_en}"
    r = rng.random()
    if r < 0.3:
        return [(f"My birthday is on {fecha_en}.", frase_fr(f"mon anniversaire est le {dia_fr} {m_fr}"))]
    if r < 0.55:
        en = f"Today is {fecha_en}."
        return [(en, frase_fr(f"aujourd'hui, c'est le {dia_fr} {m_fr}")),
                (en, frase_fr(f"nous sommes le {dia_fr} {m_fr}"))]
    if r < 0.75:
        x = nombre_al_azar(rng)
        e = "e" if x.genero == "f" else ""
        return [(f"{x.en} was born on {fecha_en}.", frase_fr(f"{x.fr} est né{e} le {dia_fr} {m_fr}"))]
    if r < 0.9:
        return [(f"The exam is on {fecha_en}.", frase_fr(f"l'examen est le {dia_fr} {m_fr}")),
                (f"The exam is on {fecha_en}.", frase_fr(f"l'examen a lieu le {dia_fr} {m_fr}"))]
    return [(f"We're leaving on {fecha_en}.", frase_fr(f"nous partons le {dia_fr} {m_fr}"))]


# --- Lugares ---------------------------------------------------------------------------------
def marco_ir_lugar(modo: str) -> Callable[[random.Random], Pares]:
    """I'm going to the station. → Je vais à la gare. / Tom went to the market. / Are you going to school?"""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        lugar = rng.choice(LUGARES)
        if lugar.fr == "lit" and modo != "af":
            return []
        if lugar.fr == "travail" and modo != "pas":  # «going to work» sería «aller travailler»
            return []
        casa = rng.random() < 0.12
        semilla = rng.randrange(1 << 30)
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            aller = V["aller"].pres[s.persona]
            if casa:  # to my grandmother's → chez ma grand-mère
                if s.pos_en is None:
                    return []
                en_dest = f"to {s.pos_en} grandmother's"
                fr_dest = f"chez {POSESIVOS_FR[s.persona][1]} grand-mère"
            else:
                en_dest, fr_dest = lugar.en_a, lugar.fr_con_prep()
            if modo == "af":
                en = frase_en(f"{be_en(s, rl)} going {en_dest}")
                pares.append((en, frase_fr(f"{s.fr} {aller} {fr_dest}")))
            elif modo == "neg":
                en = frase_en(f"{be_en(s, rl, neg=True)} going {en_dest}")
                pares.append((en, frase_fr(f"{s.fr} ne {aller} pas {fr_dest}")))
            elif modo == "pas":
                en = frase_en(f"{s.en} went {en_dest}")
                pares.append((en, frase_fr(fr_compuesto(s, V["aller"], fr_dest))))
            elif modo == "nous":
                if s.en != "I":
                    return []
                en = f"Let's go {en_dest}!"
                return [(en, frase_fr(f"allons {lugar.fr_con_prep()}", "!")),
                        (en, frase_fr(f"on va {lugar.fr_con_prep()}", "!"))] if not casa else []
            else:
                en = frase_en(f"{_be(s)} {s.en} going {en_dest}", "?")
                pares += [(en, fr) for fr in preguntas_fr(s, aller, fr_dest)]
        return pares

    return fabrica


def marco_estar_lugar(modo: str) -> Callable[[random.Random], Pares]:
    """Tom is at the station. → Tom est à la gare. / I'm at home. → Je suis chez moi / à la maison."""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en != "the baby"
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        r = rng.random()
        lugar = rng.choice(LUGARES)
        semilla = rng.randrange(1 << 30)
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            etre = V["être"].pres[s.persona]
            if r < 0.3:
                en_l = "at home"
                fr_ls = [f"chez {s.tonico}", "à la maison"]
            else:
                en_l, fr_ls = lugar.en_en, [lugar.fr_con_prep()]
            for fr_l in fr_ls:
                if modo == "af":
                    en = frase_en(f"{be_en(s, rl)} {en_l}")
                    pares.append((en, frase_fr(f"{s.fr} {etre} {fr_l}")))
                elif modo == "neg":
                    en = frase_en(f"{be_en(s, rl, neg=True)} {en_l}")
                    pares.append((en, frase_fr(f"{s.fr} ne {etre} pas {fr_l}")))
                elif modo == "pas":
                    en = frase_en(f"{s.en} {'was' if s.tipo in ('1s', '3s') else 'were'} {en_l}")
                    pares.append((en, frase_fr(f"{s.fr} {IMPERFECTO_ETRE[s.persona]} {fr_l}")))
                else:
                    en = frase_en(f"{_be(s)} {s.en} {en_l}", "?")
                    pares += [(en, fr) for fr in preguntas_fr(s, etre, fr_l)]
        return pares

    return fabrica


# Preposiciones de lugar entre edificios: (inglés, francés sin contraer)
CERCA = [("near", "près de"), ("next to", "à côté de"), ("opposite", "en face de"), ("behind", "derrière"),
         ("in front of", "devant"), ("far from", "loin de")]


def marco_edificios(rng: random.Random) -> Pares:
    """Where's the bank? / The bank is next to the station. / Is there a pharmacy near here?"""
    a = rng.choice(EDIFICIOS)
    r = rng.random()
    art = "un" if a.genero == "m" else "une"
    if r < 0.25:
        en = f"Where's {a.en_nom}?" if rng.random() < 0.7 else f"Where is {a.en_nom}?"
        return [(en, frase_fr(f"où est {a.fr_sn()}", "?")), (en, frase_fr(f"où se trouve {a.fr_sn()}", "?"))]
    if r < 0.45:
        en = f"Is there {un_en(a.en_nom[4:])} near here?" if a.en_nom.startswith("the ") else ""
        if not en:
            return []
        return [(en, frase_fr(f"y a-t-il {art} {a.fr} près d'ici", "?")),
                (en, frase_fr(f"est-ce qu'il y a {art} {a.fr} près d'ici", "?")),
                (en, frase_fr(f"il y a {art} {a.fr} près d'ici", "?"))]
    b = rng.choice([x for x in EDIFICIOS if x.fr != a.fr])
    en_p, fr_p = rng.choice(CERCA)
    if r < 0.85:
        en = mayuscula_inicial(f"{a.en_nom} is {en_p} {b.en_nom}.")
        return [(en, frase_fr(f"{a.fr_sn()} est {fr_p} {b.fr_sn()}"))]
    pron = "il" if a.genero == "m" else "elle"
    en = mayuscula_inicial(f"is {a.en_nom} {en_p} {b.en_nom}?")
    return [(en, frase_fr(f"{a.fr_sn()} est-{pron} {fr_p} {b.fr_sn()}", "?")),
            (en, frase_fr(f"est-ce que {a.fr_sn()} est {fr_p} {b.fr_sn()}", "?"))]


# --- Ciudades y países --------------------------------------------------------------------------
def _ciudad_o_pais(rng: random.Random) -> tuple[str, str, str]:
    """(inglés «in X», inglés X, francés con preposición de lugar)."""
    if rng.random() < 0.5:
        fr, en, _, _ = rng.choice(CIUDADES)
        return en, f"in {en}", f"à {fr}"
    p = rng.choice(PAISES)
    return p.en, f"in {p.en}", p.en_fr()


def marco_vivir(modo: str) -> Callable[[random.Random], Pares]:
    """I live in Paris. → J'habite à Paris. / They live in Canada. → Ils habitent au Canada."""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en != "the baby"
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        _, en_l, fr_l = _ciudad_o_pais(rng)
        semilla = rng.randrange(1 << 30)
        n_anos = rng.randint(2, 20)
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            if modo == "af":
                en = frase_en(f"{verbo_en(s, V['habiter'].en, 'pres', rl)} {en_l}")
                pares.append((en, frase_fr(fr_presente(s, V["habiter"], fr_l))))
                pares.append((en, frase_fr(fr_presente(s, V["vivre"], fr_l))))
            elif modo == "neg":
                en = frase_en(f"{verbo_en(s, V['habiter'].en, 'pres', rl, neg=True)} {en_l}")
                pares.append((en, frase_fr(fr_presente(s, V["habiter"], fr_l, neg="pas"))))
            elif modo == "pas":
                en = frase_en(f"{s.en} lived {en_l} for {NUM_EN[n_anos]} years")
                pares.append((en, frase_fr(fr_compuesto(s, V["habiter"], f"{fr_l} pendant {NUM_FR[n_anos]} ans"))))
                pares.append((en, frase_fr(fr_compuesto(s, V["vivre"], f"{NUM_FR[n_anos]} ans {fr_l}"))))
            elif modo == "desde":
                en_suj = s.en + ("'s" if s.tercera else "'ve") if s.clase == "pron" else f"{s.en} {have_en(s)}"
                en = frase_en(f"{en_suj} lived {en_l} for {NUM_EN[n_anos]} years")
                pares.append((en, frase_fr(fr_presente(s, V["habiter"], f"{fr_l} depuis {NUM_FR[n_anos]} ans"))))
            else:
                en = frase_en(f"{'does' if s.tercera else 'do'} {s.en} live {en_l}", "?")
                pares += [(en, fr) for fr in preguntas_fr(s, V["habiter"].pres[s.persona], fr_l)]
        return pares

    return fabrica


def marco_viajar(modo: str) -> Callable[[random.Random], Pares]:
    """I'm going to Japan. → Je vais au Japon. / We went to Italy. / Have you ever been to Canada?"""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        en_x, _, fr_l = _ciudad_o_pais(rng)
        cuando_fr, cuando_en = rng.choice([("", ""), ("demain", "tomorrow"), ("cet été", "this summer"),
                                           ("la semaine prochaine", "next week"), ("en juillet", "in July")])
        semilla = rng.randrange(1 << 30)
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            aller = V["aller"].pres[s.persona]
            etre = V["être"].pres[s.persona]
            pp = acordar_pp(V["aller"], s)
            if modo == "af":
                en = frase_en(f"{be_en(s, rl)} going to {en_x} {cuando_en}")
                pares.append((en, frase_fr(f"{s.fr} {aller} {fr_l} {cuando_fr}")))
            elif modo == "pas":
                en = frase_en(f"{s.en} went to {en_x}")
                pares.append((en, frase_fr(fr_compuesto(s, V["aller"], fr_l))))
            elif modo == "nunca":
                en = frase_en(f"{s.en} {have_en(s)} never been to {en_x}")
                pares.append((en, frase_fr(f"{s.fr} ne {etre} jamais {pp} {fr_l}")))
            else:
                en = frase_en(f"{'has' if s.tercera else 'have'} {s.en} ever been to {en_x}", "?")
                pares += [(en, fr) for fr in preguntas_fr(s, etre, f"déjà {pp} {fr_l}")]
        return pares

    return fabrica


def marco_procedencia(rng: random.Random) -> Pares:
    """I'm from Senegal. → Je viens du Sénégal. / Where is Tom from? → D'où vient Tom ?"""
    if rng.random() < 0.2:
        x = nombre_al_azar(rng)
        en = f"Where is {x.en} from?"
        return [(en, frase_fr(f"de où vient {x.fr}", "?")), (en, frase_fr(f"de où est {x.fr}", "?"))]
    grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"})
    if rng.random() < 0.5:
        fr, en_x, _, _ = rng.choice(CIUDADES)
        fr_de = f"de {fr}"
    else:
        p = rng.choice(PAISES)
        en_x, fr_de = p.en, p.de_fr()
    semilla = rng.randrange(1 << 30)
    pares: Pares = []
    for s in grupo:
        rl = random.Random(semilla)
        venir = V["venir"].pres[s.persona]
        en = frase_en(f"{be_en(s, rl)} from {en_x}")
        pares.append((en, frase_fr(f"{s.fr} {venir} {fr_de}")))
    return pares


def marco_geografia(rng: random.Random) -> Pares:
    """Capitales y ciudades: Paris is the capital of France. / Montreal is in Canada."""
    fr, en, pais_fr, capital = rng.choice(CIUDADES)
    p = pais(pais_fr)
    r = rng.random()
    if capital and r < 0.45:
        return [(f"{en} is the capital of {p.en}.", frase_fr(f"{fr} est la capitale de {p.con_articulo()}"))]
    if capital and r < 0.65:
        en_q = f"What is the capital of {p.en}?" if rng.random() < 0.5 else f"What's the capital of {p.en}?"
        return [(en_q, frase_fr(f"quelle est la capitale de {p.con_articulo()}", "?"))]
    if r < 0.85:
        return [(f"{en} is in {p.en}.", frase_fr(f"{fr} est {p.en_fr()}"))]
    otro = rng.choice([x for x in PAISES if x.fr != pais_fr])
    return [(f"{en} isn't in {otro.en}.", frase_fr(f"{fr} n'est pas {otro.en_fr()}"))]


def marco_visitar(rng: random.Random) -> Pares:
    """I want to visit Japan. → Je veux visiter le Japon. / We visited Rome. → Nous avons visité Rome."""
    grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"})
    if rng.random() < 0.5:
        fr, en_x, _, _ = rng.choice(CIUDADES)
        fr_x = fr
    else:
        p = rng.choice(PAISES)
        en_x, fr_x = p.en, p.con_articulo()
    r = rng.random()
    pares: Pares = []
    for s in grupo:
        if r < 0.5:
            en = frase_en(f"{s.en} {'wants' if s.tercera else 'want'} to visit {en_x}")
            pares.append((en, frase_fr(f"{s.fr} {V['vouloir'].pres[s.persona]} visiter {fr_x}")))
        else:
            en = frase_en(f"{s.en} visited {en_x}")
            pares.append((en, frase_fr(fr_compuesto(s, V["visiter"], fr_x))))
    return pares


# --- Idiomas, nacionalidades y profesiones -------------------------------------------------------
ADJ_IDIOMA = [("difficult", "difficile"), ("easy", "facile"), ("useful", "utile"), ("beautiful", "beau"),
              ("interesting", "intéressant"), ("hard", "difficile")]


def marco_idioma(modo: str) -> Callable[[random.Random], Pares]:
    """Tom speaks French. / Do you speak Italian? / She's learning Japanese. / Russian is difficult."""

    def fabrica(rng: random.Random) -> Pares:
        fr_i, en_i = rng.choice(IDIOMAS)
        if modo == "adj":
            en_a, fr_a = rng.choice(ADJ_IDIOMA)
            r = rng.random()
            if r < 0.5:
                return [(f"{en_i} is {en_a}.", frase_fr(f"le {fr_i} est {fr_a}"))]
            if r < 0.7:
                return [(f"{en_i} isn't {en_a}.", frase_fr(f"le {fr_i} n'est pas {fr_a}"))]
            en = f"Is {en_i} {en_a}?"
            return [(en, frase_fr(f"le {fr_i} est-il {fr_a}", "?")),
                    (en, frase_fr(f"est-ce que le {fr_i} est {fr_a}", "?"))]
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        semilla = rng.randrange(1 << 30)
        r = rng.random()
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            parle = V["parler"].pres[s.persona]
            if modo == "af":
                if r < 0.5:
                    en = frase_en(f"{verbo_en(s, V['parler'].en, 'pres', rl)} {en_i}")
                    pares.append((en, frase_fr(f"{s.fr} {parle} {fr_i}")))
                elif r < 0.75:
                    en = frase_en(f"{verbo_en(s, V['parler'].en, 'pres', rl)} {en_i} well")
                    pares.append((en, frase_fr(f"{s.fr} {parle} bien {fr_i}")))
                    pares.append((en, frase_fr(f"{s.fr} {parle} bien le {fr_i}")))
                else:
                    en = frase_en(f"{verbo_en(s, V['parler'].en, 'pres', rl)} a little {en_i}")
                    pares.append((en, frase_fr(f"{s.fr} {parle} un peu {fr_i}")))
            elif modo == "neg":
                en = frase_en(f"{verbo_en(s, V['parler'].en, 'pres', rl, neg=True)} {en_i}")
                pares.append((en, frase_fr(f"{s.fr} ne {parle} pas {fr_i}")))
            elif modo == "aprender":
                en = frase_en(f"{verbo_en(s, V['apprendre'].en, 'prog', rl)} {en_i}")
                pares.append((en, frase_fr(f"{s.fr} {V['apprendre'].pres[s.persona]} le {fr_i}")))
            else:
                en = frase_en(f"{'does' if s.tercera else 'do'} {s.en} speak {en_i}", "?")
                pares += [(en, fr) for fr in preguntas_fr(s, parle, fr_i)]
        return pares

    return fabrica


def marco_nacionalidad(modo: str) -> Callable[[random.Random], Pares]:
    """Marie is Canadian. → Marie est canadienne. / Are you French? → Es-tu français ?"""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        nac = rng.choice(NACIONALIDADES)
        semilla = rng.randrange(1 << 30)
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            etre = V["être"].pres[s.persona]
            forma = nac.forma(s.genero, s.plural)
            if modo == "af":
                pares.append((frase_en(f"{be_en(s, rl)} {nac.en}"), frase_fr(f"{s.fr} {etre} {forma}")))
            elif modo == "neg":
                pares.append((frase_en(f"{be_en(s, rl, neg=True)} {nac.en}"),
                              frase_fr(f"{s.fr} ne {etre} pas {forma}")))
            else:
                en = frase_en(f"{_be(s)} {s.en} {nac.en}", "?")
                pares += [(en, fr) for fr in preguntas_fr(s, etre, forma)]
        return pares

    return fabrica


def marco_profesion(modo: str) -> Callable[[random.Random], Pares]:
    """Marie is a nurse. → Marie est infirmière. / I want to be a singer. → Je veux être chanteur/chanteuse."""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in NINOS | {"everyone", "the doctor", "the waiter",
                                                                         "the students"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        en_m, en_f, fr_m, fr_f = rng.choice(PROFESIONES)
        semilla = rng.randrange(1 << 30)
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            if s.plural:
                en_p = plural_en(en_m if s.genero == "m" else en_f)
                fr_p = plural_fr(fr_m if s.genero == "m" else fr_f)
            else:
                en_p = un_en(en_m if s.genero == "m" else en_f)
                fr_p = fr_m if s.genero == "m" else fr_f
            etre = V["être"].pres[s.persona]
            if modo == "af":
                pares.append((frase_en(f"{be_en(s, rl)} {en_p}"), frase_fr(f"{s.fr} {etre} {fr_p}")))
            elif modo == "neg":
                pares.append((frase_en(f"{be_en(s, rl, neg=True)} {en_p}"),
                              frase_fr(f"{s.fr} ne {etre} pas {fr_p}")))
            elif modo == "querer":
                en = frase_en(f"{s.en} {'wants' if s.tercera else 'want'} to be {en_p}")
                veut = V["vouloir"].pres[s.persona]
                pares.append((en, frase_fr(f"{s.fr} {veut} être {fr_p}")))
                pares.append((en, frase_fr(f"{s.fr} {veut} devenir {fr_p}")))
            else:
                en = frase_en(f"{_be(s)} {s.en} {en_p}", "?")
                pares += [(en, fr) for fr in preguntas_fr(s, etre, fr_p)]
        return pares

    return fabrica


# --- Cosas: posesivos, demostrativos y adjetivos ---------------------------------------------
COSAS = [n for n in SUSTANTIVOS if n.cats & {"objeto", "ropa", "vehiculo_priv", "mueble", "legible"}
         and not n.masa]
# Poseedores: (inglés, persona francesa, nombre propio o None)
_POSEEDORES_COSA = [("my", 0, None), ("your", 1, None), ("your", 4, None), ("his", 2, None), ("her", 2, None),
                    ("our", 3, None), ("their", 5, None)]


def _poseedor(rng: random.Random) -> tuple[str, list[int] | None, Suj | None]:
    """Poseedor inglés y sus personas francesas (your → ton/votre), o un nombre propio."""
    if rng.random() < 0.25:
        return "", None, nombre_al_azar(rng)
    pos = rng.choice(["my", "your", "his", "her", "our", "their"])
    return pos, PERSONAS_POSESIVO[pos], None


def _sn_poseido(n: Sust, plural: bool, pos: str, personas: list[int] | None, nombre: Suj | None,
                adj: Adj | None = None) -> tuple[str, list[str]]:
    """«my car» / «Tom's car» → «ma voiture» / «la voiture de Tom» (varias si «your»)."""
    if nombre is not None:
        en = f"{nombre.en}'s {n.en(plural)}"
        return en, [f"{sn_fr(n, 'def', plural, adj=adj)} de {nombre.fr}"]
    assert personas is not None
    return f"{pos} {n.en(plural)}", [sn_fr(n, "pos", plural, p, adj=adj) for p in personas]


def marco_es_de(modo: str) -> Callable[[random.Random], Pares]:
    """This is my book. → C'est mon livre. / Is this your bag? / These aren't my keys."""

    def fabrica(rng: random.Random) -> Pares:
        n = rng.choice(COSAS)
        plural = n.solo_plural or n.fr_sg in PARES_ROPA or (rng.random() < 0.3 and "num" in n.cats)
        pos, personas, nombre = _poseedor(rng)
        en_sn, frs = _sn_poseido(n, plural, pos, personas, nombre)
        este = "these" if plural else rng.choice(["this", "that", "it"])
        verbo_en = "are" if plural else "is"
        pares: Pares = []
        for fr_sn in frs:
            c = "ce sont" if plural else "c'est"
            if modo == "af":
                en = mayuscula_inicial(f"{este} {verbo_en} {en_sn}.") if este != "it" else f"It's {en_sn}."
                if este == "that":
                    en = f"That's {en_sn}."
                pares.append((en, frase_fr(f"{c} {fr_sn}")))
            elif modo == "neg":
                en = (f"These aren't {en_sn}." if plural else
                      rng.choice([f"This isn't {en_sn}.", f"That's not {en_sn}.", f"It isn't {en_sn}."]))
                neg = "ce ne sont pas" if plural else "ce n'est pas"
                pares.append((en, frase_fr(f"{neg} {fr_sn}")))
            else:
                en = f"Are these {en_sn}?" if plural else f"Is this {en_sn}?"
                pares.append((en, frase_fr(f"{c} {fr_sn}", "?")))
                pares.append((en, frase_fr(f"est-ce que {c} {fr_sn}", "?")))
                pares.append((en, frase_fr(f"{'sont-ce' if plural else 'est-ce'} {fr_sn}", "?")))
        if modo == "preg" and plural:  # «sont-ce» es muy literario: lo quitamos
            pares = [p for p in pares if "Sont-ce" not in p[1]]
        return pares

    return fabrica


def marco_donde_objeto(rng: random.Random) -> Pares:
    """Where's my phone? → Où est mon téléphone ? / I can't find my glasses. → Je ne trouve pas mes lunettes."""
    n = rng.choice([x for x in COSAS if "llevable" in x.cats or "objeto" in x.cats])
    plural = n.solo_plural or n.fr_sg in PARES_ROPA or (rng.random() < 0.3 and "num" in n.cats)
    if rng.random() < 0.5:
        pos, personas, nombre = _poseedor(rng)
        en_sn, frs = _sn_poseido(n, plural, pos, personas, nombre)
        en = f"Where are {en_sn}?" if plural else rng.choice([f"Where's {en_sn}?", f"Where is {en_sn}?"])
        return [(en, frase_fr(f"où {'sont' if plural else 'est'} {fr}", "?")) for fr in frs]
    grupo = elegir_sujeto(rng, filtro=lambda s: s.pos_en is not None)
    pares: Pares = []
    for s in grupo:
        en = frase_en(f"{s.en} can't find {s.pos_en} {n.en(plural)}")
        fr_sn = sn_fr(n, "pos", plural, s.persona)
        pares.append((en, frase_fr(fr_presente(s, V["trouver"], fr_sn, neg="pas"))))
    return pares


def _adj_para_cosa(rng: random.Random, n: Sust) -> Adj | None:
    opciones = [a for a in adjetivos_para(n) if not a.pre or a.cat in ("tam", "tamg", "nue", "bel", "edad")]
    return rng.choice(opciones) if opciones else None


COSAS_ADJ = [n for n in SUSTANTIVOS if adjetivos_para(n) and n.fr_sg not in ("dîner", "déjeuner", "petit-déjeuner")]
INTENSIFICADORES = [("very", "très"), ("too", "trop"), ("really", "vraiment")]
# «too» solo con adjetivos que pueden ser un defecto (too hot, too expensive...).
CON_TOO = {"expensive", "hot", "cold", "big", "small", "heavy", "long", "short", "dirty", "noisy", "slow",
           "salty", "sweet", "difficult", "old", "full", "dangerous", "boring", "huge"}


def marco_cosa_adjetivo(modo: str) -> Callable[[random.Random], Pares]:
    """The soup is cold. / This car is expensive. / My room isn't clean. / Is the water hot?"""

    def fabrica(rng: random.Random) -> Pares:
        n = rng.choice(COSAS_ADJ)
        a = _adj_para_cosa(rng, n)
        if a is None:
            return []
        plural = not n.masa and (n.solo_plural or n.fr_sg in PARES_ROPA or rng.random() < 0.3)
        r = rng.random()
        # Determinante: definido, demostrativo o posesivo.
        if r < 0.45:
            en_sn, frs = sn_en(n, "def", plural), [sn_fr(n, "def", plural)]
            if "sin_the" in n.cats:
                return []
        elif r < 0.7:
            lejos = rng.random() < 0.4
            en_sn, frs = sn_en(n, "dem", plural, lejos=lejos), [sn_fr(n, "dem", plural)]
        else:
            if n.masa or n not in COSAS:
                return []
            pos, personas, nombre = _poseedor(rng)
            en_sn, frs = _sn_poseido(n, plural, pos, personas, nombre)
        pl = plural or n.solo_plural
        en_adj, fr_int = a.en, ""
        if modo == "af" and rng.random() < 0.25 and a.cat not in ("col", "cas", "ape", "mad") and a.en not in (
                "delicious", "huge", "empty", "full"):
            i_en, fr_int = rng.choice(INTENSIFICADORES)
            if i_en == "too" and a.en not in CON_TOO:
                i_en, fr_int = "very", "très"
            en_adj = f"{i_en} {a.en}"
            fr_int += " "
        forma = a.forma(n.genero, pl)
        etre = "sont" if pl else "est"
        be = "are" if pl else "is"
        pares: Pares = []
        for fr_sn in frs:
            if modo == "af":
                en = mayuscula_inicial(f"{en_sn} {be} {en_adj}.")
                pares.append((en, frase_fr(f"{fr_sn} {etre} {fr_int}{forma}")))
            elif modo == "neg":
                en = mayuscula_inicial(f"{en_sn} {be}n't {a.en}.")
                pares.append((en, frase_fr(f"{fr_sn} ne {etre} pas {forma}")))
            else:
                en = mayuscula_inicial(f"{be} {en_sn} {a.en}?")
                pron = ("ils" if n.genero == "m" else "elles") if pl else ("il" if n.genero == "m" else "elle")
                pares.append((en, frase_fr(f"{fr_sn} {etre}-{pron} {forma}", "?")))
                pares.append((en, frase_fr(f"est-ce que {fr_sn} {etre} {forma}", "?")))
        return pares

    return fabrica


PARES_ROPA = {"chaussure", "chaussette", "botte", "gant"}  # se usan en plural: des chaussures
LUGARES_ATRIBUTO = ["ville", "village", "château", "musée", "rue", "jardin", "maison", "arbre", "appartement"]


def marco_atributivo(rng: random.Random) -> Pares:
    """I have a red car. / It's a beautiful city. / She bought new shoes. / It's an old tree."""
    r = rng.random()
    if r < 0.3:  # «It's a/an ...» admite también lugares y animales
        candidatos = COSAS + [sust(x) for x in LUGARES_ATRIBUTO] + con_cat("animal_dom")
    else:  # lo que se tiene, se compra o se quiere
        candidatos = COSAS + con_cat("animal_dom") + [sust("maison"), sust("appartement")]
    n = rng.choice([x for x in candidatos if not x.masa and not x.solo_plural])
    categorias = ("col", "tam", "tamg", "bel", "pre", "com", "vel", "edad", "nue") + (
        ("int", "lon") if r < 0.3 else ())
    opciones = [a for a in adjetivos_para(n) if a.cat in categorias]
    if not opciones:
        return []
    a = rng.choice(opciones)
    if a.en == "new" and rng.random() < 0.5:
        a = NUEVO  # une nouvelle voiture (y también «une voiture neuve»)
    plural = n.fr_sg in PARES_ROPA or ("num" in n.cats and rng.random() < 0.25)
    fr_sn = sn_fr(n, "indef", plural, adj=a)
    variantes = [fr_sn]
    if a.en == "new":  # nuevo: las dos construcciones son correctas
        otra = NUEVO if a is not NUEVO else next(x for x in ADJ_COSA if x.en == "new")
        variantes.append(sn_fr(n, "indef", plural, adj=otra))
    en_sn = sn_en(n, "indef", plural, adj=a.en)
    if r < 0.3:
        if plural:
            en = f"These are {en_sn}."
        else:
            en = f"It's {en_sn}." if rng.random() < 0.75 else f"It is {en_sn}."
        c = "ce sont" if plural else "c'est"
        return [(en, frase_fr(f"{c} {v}")) for v in variantes]
    grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"})
    pares = []
    for s in grupo:
        if r < 0.6:
            en = frase_en(f"{s.en} {have_en(s)} {en_sn}")
            pares += [(en, frase_fr(f"{s.fr} {V['avoir'].pres[s.persona]} {v}")) for v in variantes]
        elif r < 0.8:
            en = frase_en(f"{s.en} bought {en_sn}")
            pares += [(en, frase_fr(fr_compuesto(s, V["acheter"], v))) for v in variantes]
        else:
            en = frase_en(f"{s.en} {'wants' if s.tercera else 'want'} {en_sn}")
            pares += [(en, frase_fr(f"{s.fr} {V['vouloir'].pres[s.persona]} {v}")) for v in variantes]
    return pares


# --- Comparativos y superlativos --------------------------------------------------------------
ADJ_COMPARABLES = ["tall", "short", "young", "old", "strong", "rich", "poor", "smart", "funny", "nice", "kind",
                   "lazy", "thin", "shy", "patient", "careful", "serious", "curious", "generous", "polite",
                   "athletic", "talkative", "famous", "stubborn", "brave", "busy", "happy", "tired"]
_OBJETO_PRON = {"I": "me", "you": "you", "he": "him", "she": "her", "we": "us", "they": "them"}


def _segundo_termino(rng: random.Random, s0: Suj) -> Callable[[Suj], list[tuple[str, str]]] | None:
    """«than Marie» / «than your mother» / «than me» → «que Marie» / «que ta mère» / «que moi».

    Devuelve una función que da las variantes para cada realización del sujeto (el
    posesivo cambia: «your mother» → «ta mère» con «tu», «votre mère» con «vous»).
    """
    r = rng.random()
    if r < 0.5:
        x = nombre_al_azar(rng, distinto=s0.en)
        if x.en in s0.en:
            return None
        return lambda s: [(x.en, x.fr)]
    if r < 0.7 and s0.pos_en:
        fam = rng.choice([f for f in FAMILIA_OBJETO if not f[3]])

        def familiar(s: Suj) -> list[tuple[str, str]]:
            det = POSESIVOS_FR[s.persona][0 if fam[2] == "m" else 1]
            return [(f"{s.pos_en} {fam[0]}", f"{det} {fam[1]}")]

        return familiar
    opciones = [p for p in PRONOMBRES if p.en != s0.en and not (s0.tercera and p.en in ("he", "she"))]
    otro = rng.choice(opciones)
    variantes = sorted({(_OBJETO_PRON[p.en], p.tonico) for p in PRONOMBRES if p.en == otro.en})
    return lambda s: variantes


def marco_comparativo_persona(rng: random.Random) -> Pares:
    """Tom is taller than Marie. → Tom est plus grand que Marie. / She's as old as me."""
    grupo = elegir_sujeto(rng, pesos=(40, 40, 15, 5), filtro=lambda s: s.en not in {"the baby", "everyone"})
    en_adj = rng.choice(ADJ_COMPARABLES)
    adjs = [a for a in ADJ_PERSONA_EN[en_adj] if not (en_adj == "old" and a.formas[0] == "vieux")] \
        if en_adj == "old" and rng.random() < 0.7 else ADJ_PERSONA_EN[en_adj]
    r = rng.random()
    pares: Pares = []
    segundo = _segundo_termino(rng, grupo[0])
    if not segundo:
        return []
    semilla = rng.randrange(1 << 30)
    if 0.55 <= r < 0.75 and en_adj in COMPARATIVOS_EN:
        r = 0.0  # «less tall» suena raro: mejor «taller»
    for s in grupo:
        be = be_en(s, random.Random(semilla))
        etre = V["être"].pres[s.persona]
        for en_2, fr_2 in segundo(s):
            for a in adjs:
                forma = a.forma(s.genero, s.plural)
                if r < 0.55:
                    en = frase_en(f"{be} {comparativo_en(en_adj)} than {en_2}")
                    fr = f"{s.fr} {etre} plus {forma} que {fr_2}"
                elif r < 0.75:
                    en = frase_en(f"{be} less {en_adj} than {en_2}")
                    fr = f"{s.fr} {etre} moins {forma} que {fr_2}"
                else:
                    en = frase_en(f"{be} as {en_adj} as {en_2}")
                    fr = f"{s.fr} {etre} aussi {forma} que {fr_2}"
                pares.append((en, frase_fr(fr)))
    return pares


# Comparaciones entre cosas: (inglés A, francés A, género, plural, inglés B, francés B, adjetivos ingleses)
COMPARACIONES = [
    ("the train", "le train", "m", False, "the bus", "le bus", ["fast", "expensive", "comfortable"]),
    ("an elephant", "un éléphant", "m", False, "a mouse", "une souris", ["big", "heavy"]),
    ("cats", "les chats", "m", True, "dogs", "les chiens", ["small", "quiet"]),
    ("summer", "le été", "m", False, "spring", "le printemps", ["hot"]),
    ("winter", "le hiver", "m", False, "autumn", "le automne", ["cold"]),
    ("Russian", "le russe", "m", False, "Spanish", "le espagnol", ["difficult", "easy"]),
    ("Japanese", "le japonais", "m", False, "English", "le anglais", ["difficult"]),
    ("gold", "le or", "m", False, "silver", "le argent", ["expensive", "heavy"]),
    ("a bike", "un vélo", "m", False, "a car", "une voiture", ["slow", "light"]),
    ("planes", "les avions", "m", True, "trains", "les trains", ["fast", "expensive"]),
    ("the city", "la ville", "f", False, "the countryside", "la campagne", ["noisy", "expensive"]),
    ("the sea", "la mer", "f", False, "the lake", "le lac", ["cold", "beautiful"]),
    ("this book", "ce livre", "m", False, "the movie", "le film", ["interesting", "long"]),
    ("the soup", "la soupe", "f", False, "the salad", "la salade", ["good", "hot"]),
    ("my room", "ma chambre", "f", False, "the kitchen", "la cuisine", ["small", "clean"]),
    ("this suitcase", "cette valise", "f", False, "my bag", "mon sac", ["heavy", "big"]),
]
_PRON_POSESIVOS = {  # mine / yours / his / hers → le mien, la tienne, la vôtre...
    "mine": [("le mien", "la mienne", "les miens", "les miennes")],
    "yours": [("le tien", "la tienne", "les tiens", "les tiennes"), ("le vôtre", "la vôtre", "les vôtres", "les vôtres")],
    "his": [("le sien", "la sienne", "les siens", "les siennes")],
    "hers": [("le sien", "la sienne", "les siens", "les siennes")],
}


def _adj_cosa(en: str, cat: str | None = None) -> Adj:
    for a in ADJ_COSA + COLORES:
        if a.en == en and (cat is None or a.cat == cat):
            return a
    raise KeyError(en)


def marco_comparativo_cosa(rng: random.Random) -> Pares:
    """The train is faster than the bus. / My bag is heavier than yours. → ... que le tien / la vôtre."""
    if rng.random() < 0.55:
        en_a, fr_a, g, pl, en_b, fr_b, adjs = rng.choice(COMPARACIONES)
        en_adj = rng.choice(adjs)
        a = _adj_cosa(en_adj, "tamg" if fr_a == "un éléphant" and en_adj == "big" else None)
        forma = a.forma(g, pl)
        be = "are" if pl else "is"
        etre = "sont" if pl else "est"
        if rng.random() < 0.7 or en_adj in COMPARATIVOS_EN:
            comp_fr = MEILLEUR.forma(g, pl) if en_adj == "good" else f"plus {forma}"
            en = mayuscula_inicial(f"{en_a} {be} {comparativo_en(en_adj)} than {en_b}.")
            return [(en, frase_fr(f"{fr_a} {etre} {comp_fr} que {fr_b}"))]
        en = mayuscula_inicial(f"{en_a} {be} less {en_adj} than {en_b}.")
        return [(en, frase_fr(f"{fr_a} {etre} moins {forma} que {fr_b}"))]
    # Con pronombres posesivos.
    n = rng.choice([x for x in COSAS if not x.solo_plural and x.fr_sg not in PARES_ROPA
                    and x.adjs & {"tam", "pre", "pes", "vel", "nue"}])
    opciones = [x for x in adjetivos_para(n) if (x.cat in ("tam", "pre", "pes", "vel") or x.en == "new")
                and x.en in COMPARATIVOS_EN | {"expensive": ()} and x.en != "cheap"]
    if not opciones:
        return []
    a = rng.choice(opciones)
    pos_en, personas = rng.choice([("my", [0]), ("your", [1, 4]), ("her", [2]), ("his", [2])])
    otro = rng.choice([k for k in _PRON_POSESIVOS if not (pos_en == "my" and k == "mine")
                       and not (pos_en == "your" and k == "yours") and not (pos_en in ("his", "her")
                                                                             and k in ("his", "hers"))])
    forma = a.forma(n.genero, False)
    en = mayuscula_inicial(f"{pos_en} {n.en(False)} is {comparativo_en(a.en)} than {otro}.")
    pares: Pares = []
    for p in personas:
        for formas_pp in _PRON_POSESIVOS[otro]:
            pron = formas_pp[0 if n.genero == "m" else 1]
            pares.append((en, frase_fr(f"{sn_fr(n, 'pos', False, p)} est plus {forma} que {pron}")))
    return pares


VERBOS_COMPARABLES = [("courir", "runs", "run", "fast", "faster", "vite"),
                      ("chanter", "sings", "sing", "well", "better", "mieux"),
                      ("cuisiner", "cooks", "cook", "well", "better", "mieux"),
                      ("nager", "swims", "swim", "well", "better", "mieux"),
                      ("danser", "dances", "dance", "well", "better", "mieux"),
                      ("conduire", "drives", "drive", "fast", "faster", "plus vite"),
                      ("travailler", "works", "work", "a lot", "more", "plus"),
                      ("lire", "reads", "read", "a lot", "more", "plus"),
                      ("manger", "eats", "eat", "a little", "less", "moins"),
                      ("dormir", "sleeps", "sleep", "a lot", "more", "plus"),
                      ("écrire", "writes", "write", "well", "better", "mieux"),
                      ("parler français", "speaks French", "speak French", "well", "better", "mieux")]


def marco_comparativo_verbo(rng: random.Random) -> Pares:
    """Tom runs faster than Marie. → Tom court plus vite que Marie. / She sings better than me."""
    grupo = elegir_sujeto(rng, pesos=(40, 45, 10, 5), filtro=lambda s: s.en not in {"the baby", "everyone"})
    clave, en3, en_b, _, en_comp, fr_comp = rng.choice(VERBOS_COMPARABLES)
    segundo = _segundo_termino(rng, grupo[0])
    if not segundo:
        return []
    pares: Pares = []
    for s in grupo:
        if clave == "parler français":
            forma = f"{V['parler'].pres[s.persona]} {fr_comp} français"
        else:
            forma = f"{V[clave].pres[s.persona]} {fr_comp}"
        if fr_comp == "vite":
            forma = forma.replace(" vite", " plus vite")
        for en_2, fr_2 in segundo(s):
            en = frase_en(f"{s.en} {en3 if s.tercera else en_b} {en_comp} than {en_2}")
            pares.append((en, frase_fr(f"{s.fr} {forma} que {fr_2}")))
    return pares


AMBITOS = [("in the class", "de la classe"), ("in the family", "de la famille"), ("in the team", "de le équipe"),
           ("in the group", "du groupe")]
SUPERLATIVOS_COSA = [  # (sustantivo, adjetivo inglés, ámbitos)
    ("ville", "beautiful", [("in the world", "de le monde"), ("in Europe", "de Europe"), ("in France", "de France")]),
    ("ville", "big", [("in the country", "de le pays"), ("in Europe", "de Europe")]),
    ("restaurant", "good", [("in town", "de la ville"), ("in the neighborhood", "de le quartier")]),
    ("restaurant", "expensive", [("in town", "de la ville"), ("in Paris", "de Paris")]),
    ("hôtel", "expensive", [("in town", "de la ville"), ("in the city", "de la ville")]),
    ("maison", "old", [("in the village", "de le village"), ("in the street", "de la rue")]),
    ("maison", "big", [("in the street", "de la rue"), ("in the village", "de le village")]),
    ("rue", "long", [("in the city", "de la ville"), ("in town", "de la ville")]),
    ("musée", "interesting", [("in the city", "de la ville"), ("in Paris", "de Paris")]),
    ("livre", "interesting", [("in the library", "de la bibliothèque")]),
    ("film", "long", [("of the year", "de le année")]), ("film", "good", [("of the year", "de le année")]),
]
_SUST_LUGAR = {"restaurant": ("m", "restaurant"), "hôtel": ("m", "hotel"), "musée": ("m", "museum"),
               "rue": ("f", "street")}


def marco_superlativo(rng: random.Random) -> Pares:
    """Marie is the tallest in the class. / It's the most beautiful city in the world."""
    if rng.random() < 0.45:
        x = nombre_al_azar(rng)
        en_adj = rng.choice(["tall", "short", "young", "old", "strong", "smart", "funny", "shy", "patient",
                             "talkative", "athletic", "kind", "serious"])
        en_a, fr_a = rng.choice(AMBITOS)
        art = "le" if x.genero == "m" else "la"
        pares = []
        for a in ADJ_PERSONA_EN[en_adj]:
            if en_adj == "old" and a.formas[0] == "vieux":
                continue
            pares.append((f"{x.en} is {superlativo_en(en_adj)} {en_a}.",
                          frase_fr(f"{x.fr} est {art} plus {a.forma(x.genero, False)} {fr_a}")))
        return pares
    clave, en_adj, ambitos = rng.choice(SUPERLATIVOS_COSA)
    n = sust(clave) if clave not in _SUST_LUGAR else Sust(_SUST_LUGAR[clave][0], clave, clave + "s",
                                                          _SUST_LUGAR[clave][1], "", frozenset(), frozenset())
    en_amb, fr_amb = rng.choice(ambitos)
    a = _adj_cosa(en_adj, "tam" if en_adj == "big" else ("edad" if en_adj == "old" else None))
    art = "le" if n.genero == "m" else "la"
    en = f"It's {superlativo_en(en_adj)} {n.en(False)} {en_amb}."
    if en_adj == "good":
        fr = f"c'est {art} {MEILLEUR.forma(n.genero, False)} {n.fr(False)} {fr_amb}"
    elif a.pre:
        fr = f"c'est {art} plus {a.forma(n.genero, False)} {n.fr(False)} {fr_amb}"
    else:
        fr = f"c'est {art} {n.fr(False)} {art} plus {a.forma(n.genero, False)} {fr_amb}"
    return [(en, frase_fr(fr))]


# --- Imperativo ---------------------------------------------------------------------------------
VERBOS_IMPERATIVO = {"ouvrir", "fermer", "manger", "boire", "lire", "écrire", "prendre", "préparer", "nettoyer",
                     "laver", "regarder", "écouter", "apporter", "finir", "goûter", "acheter", "allumer",
                     "éteindre", "remplir", "essayer", "payer", "dessiner", "utiliser", "réparer", "attendre"}
# Imperativos sin objeto: (inglés, verbo, complemento francés)
IMPERATIVOS_SIMPLES = [
    ("run", "courir", ""), ("sing", "chanter", ""), ("dance", "danser", ""), ("wait here", "attendre", "ici"),
    ("come with me", "venir", "avec moi"), ("come with us", "venir", "avec nous"),
    ("eat slowly", "manger", "lentement"), ("drive carefully", "conduire", "prudemment"),
    ("work hard", "travailler", "dur"), ("read aloud", "lire", "à voix haute"),
    ("speak slowly", "parler", "lentement"), ("walk faster", "marcher", "plus vite"),
    ("sleep well", "dormir", "bien"), ("go home", "rentrer", "à la maison"), ("come back soon", "revenir", "vite"),
    ("get up", "se lever", ""), ("hurry up", "se dépêcher", ""), ("wake up", "se réveiller", ""),
    ("get dressed", "s'habiller", ""), ("rest", "se reposer", ""), ("sit down", "s'asseoir", ""),
    ("wait for me", "attendre", "-moi"), ("listen to me", "écouter", "-moi"), ("look at me", "regarder", "-moi"),
    ("help me", "aider", "-moi"), ("call me", "appeler", "-moi"), ("follow me", "suivre", "-moi"),
    ("come in", "entrer", ""), ("go out", "sortir", ""), ("stay here", "rester", "ici"),
]
_ASSEOIR = ("assieds", "asseyons", "asseyez")
SIN_NOUS = {"come back soon", "sleep well", "drive carefully", "come with us", "come with me", "read aloud"}
SIN_NEGACION = {"come back soon", "sleep well", "work hard", "walk faster", "drive carefully", "get dressed",
                "wake up", "hurry up", "eat slowly", "speak slowly"}  # s'asseoir: solo lo usamos en imperativo


def _imp(v: Verbo | None, clave: str, persona: str) -> str:
    if clave == "s'asseoir":
        return {"tu": _ASSEOIR[0], "nous": _ASSEOIR[1], "vous": _ASSEOIR[2]}[persona]
    assert v is not None
    return v.imperativo(persona)


def marco_imperativo(modo: str) -> Callable[[random.Random], Pares]:
    """Open the window. → Ouvre la fenêtre. / Ouvrez la fenêtre. / Don't touch the cake! / Let's dance!"""

    def fabrica(rng: random.Random) -> Pares:
        por_favor = rng.random() < 0.25 and modo == "af"
        exclama = rng.random() < 0.3
        signo = "!" if exclama else "."
        pares: Pares = []
        if rng.random() < 0.4:
            en_base, clave, comp = rng.choice(IMPERATIVOS_SIMPLES)
            v = V.get(clave)
            pron = clave.startswith(("se ", "s'"))
            if modo == "nous" and (comp.startswith("-") or en_base in SIN_NOUS):
                return []
            if modo == "neg" and (comp.startswith("-") or en_base in SIN_NEGACION):
                return []
            personas = ["nous"] if modo == "nous" else ["tu", "vous"]
            for p in personas:
                forma = _imp(v, clave, p)
                if modo == "neg":
                    refl = {"tu": "te", "vous": "vous"}[p] + " " if pron else ""
                    fr = f"ne {refl}{forma} pas {comp}"  # ne te repose pas (sin -s)
                    en = f"Don't {en_base}"
                else:
                    if pron:
                        forma = f"{forma}-{'toi' if p == 'tu' else p}"
                    if comp.startswith("-"):
                        forma, comp_ = forma + comp, ""
                    else:
                        comp_ = comp
                    fr = f"{forma} {comp_}"
                    en = f"Let's {en_base}" if p == "nous" else mayuscula_inicial(en_base)
                pares.append((en + signo, frase_fr(fr, signo)))
            return pares
        uso = rng.choice([u for u in USOS if u.verbo in VERBOS_IMPERATIVO])
        obj = elegir_objeto(rng, uso, sin_num=True)
        if obj is None:
            return []
        if modo == "neg" and rng.random() < 0.3:  # Don't touch the cake!
            n = rng.choice(COSAS + [sust("gâteau"), sust("chat"), sust("chien")])
            obj = Objeto(n, "def", n.solo_plural, 0, None, False)
            uso = _u("toucher", None, "objeto", "def")
        if modo == "neg" and obj.det in ("indef", "part") and uso.verbo not in ("manger", "boire", "acheter"):
            return []
        v = V[uso.verbo]
        personas = ["nous"] if modo == "nous" else ["tu", "vous"]
        for p in personas:
            persona = {"tu": 1, "nous": 3, "vous": 4}[p]
            s = next(x for x in PRONOMBRES if x.persona == persona)
            if obj.det == "pos" and p == "nous":
                return []
            forma = v.imperativo(p)
            if modo == "neg":
                en = f"Don't {uso.en[0]} {obj.en(s, neg=True)}"
                fr = f"ne {forma} pas {obj.fr(s, neg=True)}"
            else:
                en = (f"Let's {uso.en[0]} {obj.en(s)}" if p == "nous" else
                      mayuscula_inicial(f"{uso.en[0]} {obj.en(s)}"))
                fr = f"{forma} {obj.fr(s)}"
            if por_favor:
                en += ", please"
                fr += ", s'il te plaît" if p == "tu" else ", s'il vous plaît"
            pares.append((en + signo, frase_fr(fr, signo)))
        return pares

    return fabrica


# --- Dónde están las cosas ---------------------------------------------------------------------
# Sitios: (inglés, francés sin contraer, género)
SUPERFICIES = [("the table", "la table"), ("the chair", "la chaise"), ("the bed", "le lit"), ("the sofa", "le canapé"),
               ("the desk", "le bureau"), ("the shelf", "la étagère")]
DEBAJO = [("the table", "la table"), ("the bed", "le lit"), ("the chair", "la chaise"), ("the sofa", "le canapé"),
          ("the desk", "le bureau")]
DENTRO = [("the bag", "le sac"), ("the box", "la boîte"), ("the drawer", "le tiroir"), ("the wardrobe", "la armoire"),
          ("the suitcase", "la valise"), ("the car", "la voiture"), ("the kitchen", "la cuisine"),
          ("the garden", "le jardin"), ("the living room", "le salon"), ("my pocket", "ma poche")]
JUNTO = [("the house", "la maison"), ("the door", "la porte"), ("the tree", "le arbre"),
         ("the car", "la voiture"), ("the bed", "le lit"), ("the sofa", "le canapé"), ("the table", "la table")]
PREPOSICIONES = [("on", "sur", SUPERFICIES), ("under", "sous", DEBAJO), ("in", "dans", DENTRO),
                 ("behind", "derrière", JUNTO), ("in front of", "devant", JUNTO), ("next to", "à côté de", JUNTO)]
PEQUENOS = ["clé", "téléphone", "portefeuille", "stylo", "crayon", "livre", "lettre", "lunettes", "montre", "carte",
            "passeport", "billet", "cahier"]
MEDIANOS = ["sac", "valise", "boîte", "lampe", "parapluie", "ballon", "chaussure", "chapeau", "manteau", "jouet",
            "chat", "chien", "lapin"]
GRANDES = ["vélo", "voiture", "moto", "chien", "chat"]


def _cosa_para(rng: random.Random, prep_fr: str, sitio_fr: str) -> Sust:
    if prep_fr == "dans":
        if sitio_fr == "le jardin":
            return sust(rng.choice(["chat", "chien", "lapin", "ballon", "vélo", "oiseau"]))
        if sitio_fr == "la voiture":
            return sust(rng.choice(["sac", "valise", "parapluie", "clé", "téléphone", "portefeuille", "lunettes",
                                    "carte", "billet", "livre"]))
        if sitio_fr in ("la cuisine", "le salon"):
            return sust(rng.choice(PEQUENOS + MEDIANOS))
        if sitio_fr in ("le sac", "ma poche"):
            return sust(rng.choice(["clé", "téléphone", "portefeuille", "stylo", "billet", "carte", "lunettes"]))
        return sust(rng.choice(PEQUENOS))
    if prep_fr == "sur":
        return sust(rng.choice(PEQUENOS + MEDIANOS))
    if prep_fr == "sous":
        return sust(rng.choice(PEQUENOS + ["sac", "ballon", "chaussure", "jouet", "chat", "chien", "lapin"]))
    if sitio_fr in ("la maison", "le arbre"):
        return sust(rng.choice(GRANDES))
    return sust(rng.choice(MEDIANOS))


def marco_ubicacion(modo: str) -> Callable[[random.Random], Pares]:
    """The keys are in the drawer. / It's under the bed. → Il/Elle est sous le lit. / Put the book on the table."""

    def fabrica(rng: random.Random) -> Pares:
        en_p, fr_p, sitios = rng.choice(PREPOSICIONES)
        en_s, fr_s = rng.choice(sitios)
        n = _cosa_para(rng, fr_p, fr_s)
        plural = n.solo_plural or n.fr_sg in PARES_ROPA or ("num" in n.cats and rng.random() < 0.3)
        lugar_fr = f"{fr_p} {fr_s}"
        if fr_p == "à côté de":
            lugar_fr = f"à côté de {fr_s}"
        be = "are" if plural else "is"
        etre = "sont" if plural else "est"
        if modo == "af":
            en = mayuscula_inicial(f"{sn_en(n, 'def', plural)} {be} {en_p} {en_s}.")
            return [(en, frase_fr(f"{sn_fr(n, 'def', plural)} {etre} {lugar_fr}"))]
        if modo == "pron":  # It's under the bed. → Il est / Elle est sous le lit.
            if plural:
                en = f"They're {en_p} {en_s}."
                return [(en, frase_fr(f"ils sont {lugar_fr}")), (en, frase_fr(f"elles sont {lugar_fr}"))]
            en = f"It's {en_p} {en_s}."
            return [(en, frase_fr(f"il est {lugar_fr}")), (en, frase_fr(f"elle est {lugar_fr}"))]
        if modo == "hay":
            if n.solo_plural:
                en = f"There are {n.en(True)} {en_p} {en_s}."
            else:
                en = f"There's {un_en(n.en(False))} {en_p} {en_s}."
            return [(en, frase_fr(f"il y a {sn_fr(n, 'indef', False)} {lugar_fr}"))]
        if modo == "preg":
            if n.solo_plural:
                return []
            en = f"Is there {un_en(n.en(False))} {en_p} {en_s}?"
            return [(en, frase_fr(f"y a-t-il {sn_fr(n, 'indef', False)} {lugar_fr}", "?")),
                    (en, frase_fr(f"est-ce qu'il y a {sn_fr(n, 'indef', False)} {lugar_fr}", "?"))]
        # Poner: imperativo o pasado.
        if fr_p not in ("sur", "sous", "dans") or "animal" in n.cats or n.fr_sg == "vélo":
            return []
        if fr_s in ("la cuisine", "le jardin", "le salon", "la voiture"):
            return []
        if rng.random() < 0.6:
            en = f"Put {sn_en(n, 'def', plural)} {en_p} {en_s}."
            return [(en, frase_fr(f"mets {sn_fr(n, 'def', plural)} {lugar_fr}")),
                    (en, frase_fr(f"mettez {sn_fr(n, 'def', plural)} {lugar_fr}"))]
        grupo = elegir_sujeto(rng, pesos=(60, 30, 10, 0), filtro=lambda s: s.en not in {"the baby", "everyone"})
        pares: Pares = []
        for s in grupo:
            en = frase_en(f"{s.en} put {sn_en(n, 'def', plural)} {en_p} {en_s}")
            pares.append((en, frase_fr(fr_compuesto(s, V["mettre"], f"{sn_fr(n, 'def', plural)} {lugar_fr}"))))
        return pares

    return fabrica


# --- Instrumentos, deportes y aficiones ----------------------------------------------------------
INSTRUMENTOS = [("the piano", "le piano"), ("the guitar", "la guitare"), ("the violin", "le violon"),
                ("the flute", "la flûte"), ("the drums", "la batterie"), ("the saxophone", "le saxophone"),
                ("the trumpet", "la trompette"), ("the cello", "le violoncelle"), ("the harp", "la harpe"),
                ("the accordion", "le accordéon")]
JUEGOS = [("soccer", "le football"), ("tennis", "le tennis"), ("basketball", "le basket"),
          ("volleyball", "le volley"), ("golf", "le golf"), ("rugby", "le rugby"), ("chess", "les échecs"),
          ("cards", "les cartes"), ("video games", "les jeux vidéo"), ("table tennis", "le ping-pong")]
# «faire de»: (inglés base, inglés 3s, francés sin contraer)
AFICIONES = [("do yoga", "does yoga", "de le yoga"), ("go skiing", "goes skiing", "de le ski"),
             ("do judo", "does judo", "de le judo"), ("go sailing", "goes sailing", "de la voile"),
             ("do karate", "does karate", "de le karaté"), ("do gymnastics", "does gymnastics", "de la gymnastique"),
             ("go horse riding", "goes horse riding", "de le équitation"),
             ("go climbing", "goes climbing", "de le escalade"), ("play music", "plays music", "de la musique"),
             ("go cycling", "goes cycling", "de le vélo"), ("do theater", "does theater", "de le théâtre"),
             ("go swimming", "goes swimming", "de la natation")]


def marco_aficion(modo: str) -> Callable[[random.Random], Pares]:
    """Tom plays the piano. → Tom joue du piano. / I play tennis. → Je joue au tennis. / I do yoga."""

    def fabrica(rng: random.Random) -> Pares:
        grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"the baby", "everyone"}
                              and (modo != "preg" or sujeto_pregunta_ok(s)))
        r = rng.random()
        if r < 0.35:
            en_o, fr_o = rng.choice(INSTRUMENTOS)
            tipo, comp_fr, comp_neg = "jouer", f"de {fr_o}", f"de {fr_o}"  # je ne joue pas du piano
        elif r < 0.65:
            en_o, fr_o = rng.choice(JUEGOS)
            tipo, comp_fr, comp_neg = "jouer", f"à {fr_o}", f"à {fr_o}"
        else:
            base, s3, fr_o = rng.choice(AFICIONES)
            tipo, comp_fr = "faire", fr_o
            comp_neg = "de " + fr_o.split(" ", 2)[-1] if fr_o.startswith("de le ") else "de " + fr_o.split(" ", 2)[-1]
            en_o = ""
        desde = rng.randint(2, 10)
        semilla = rng.randrange(1 << 30)
        pares: Pares = []
        for s in grupo:
            rl = random.Random(semilla)
            v = V[tipo]
            if tipo == "jouer":
                en_base, en_s3, en_pas = f"play {en_o}", f"plays {en_o}", f"played {en_o}"
            else:
                en_base, en_s3 = base, s3
                en_pas = base.replace("do ", "did ").replace("go ", "went ").replace("play ", "played ")
            if modo == "af":
                en = frase_en(f"{s.en} {en_s3 if s.tercera else en_base}")
                pares.append((en, frase_fr(fr_presente(s, v, comp_fr))))
            elif modo == "neg":
                en = frase_en(f"{s.en} {do_en(s, rl)} {en_base}")
                pares.append((en, frase_fr(fr_presente(s, v, comp_neg, neg="pas"))))
            elif modo == "pas":
                en = frase_en(f"{s.en} {en_pas} yesterday")
                pares.append((en, frase_fr(fr_compuesto(s, v, f"{comp_fr} hier"))))
            elif modo == "desde":
                if tipo != "jouer" or s.clase != "pron":
                    return []
                suj = s.en + ("'s" if s.tercera else "'ve")
                en = frase_en(f"{suj} been playing {en_o} for {NUM_EN[desde]} years")
                pares.append((en, frase_fr(fr_presente(s, v, f"{comp_fr} depuis {NUM_FR[desde]} ans"))))
            else:
                en = frase_en(f"{'does' if s.tercera else 'do'} {s.en} {en_base}", "?")
                pares += [(en, fr) for fr in preguntas_fr(s, v.pres[s.persona], comp_fr)]
        return pares

    return fabrica


# --- Números y cuentas, precios, duraciones ------------------------------------------------------
def marco_aritmetica(rng: random.Random) -> Pares:
    """Two plus three is five. → Deux plus trois font cinq. / Deux et trois font cinq."""
    op = rng.choice(["plus", "minus", "times"])
    if op == "plus":
        a = rng.randint(1, 15)
        b = rng.randint(1, 20 - a)
        c = a + b
    elif op == "minus":
        a = rng.randint(3, 20)
        b = rng.randint(1, a - 1)
        c = a - b
    else:
        a = rng.randint(2, 6)
        b = rng.randint(2, 20 // a)
        c = a * b
    fr_op = {"plus": "plus", "minus": "moins", "times": "fois"}[op]
    expr_en, expr_fr = f"{NUM_EN[a]} {op} {NUM_EN[b]}", f"{NUM_FR[a]} {fr_op} {NUM_FR[b]}"
    r = rng.random()
    if r < 0.25:
        en = f"What's {expr_en}?" if rng.random() < 0.5 else f"How much is {expr_en}?"
        return [(en, frase_fr(f"combien font {expr_fr}", "?"))]
    verbo = "equals" if r < 0.5 else "is"
    en = mayuscula_inicial(f"{expr_en} {verbo} {NUM_EN[c]}.")
    pares = [(en, frase_fr(f"{expr_fr} font {NUM_FR[c]}")), (en, frase_fr(f"{expr_fr} égale {NUM_FR[c]}"))]
    if op == "plus":
        pares.append((en, frase_fr(f"{NUM_FR[a]} et {NUM_FR[b]} font {NUM_FR[c]}")))
    return pares


PRECIOS = ["livre", "sac", "robe", "chemise", "pull", "montre", "parapluie", "billet", "stylo", "cahier",
           "chapeau", "écharpe", "chaussure", "lunettes", "dictionnaire", "magazine", "gâteau", "jouet", "ballon",
           "tasse", "lampe", "carte postale"]


def marco_precio(rng: random.Random) -> Pares:
    """The book costs twelve euros. → Le livre coûte douze euros. / How much is this bag?"""
    n = sust(rng.choice(PRECIOS))
    plural = n.solo_plural or (n.fr_sg == "chaussure") or ("num" in n.cats and rng.random() < 0.2)
    precio = rng.randint(2 if plural else 1, 20)
    moneda_en, moneda_fr = rng.choice([("euro", "euro"), ("dollar", "dollar")])
    en_p = f"{NUM_EN[precio]} {moneda_en}{'s' if precio > 1 else ''}"
    fr_p = f"{NUM_FR[precio]} {moneda_fr}{'s' if precio > 1 else ''}"
    det = rng.choice(["def", "dem"])
    en_sn = sn_en(n, det, plural, lejos=rng.random() < 0.3)
    fr_sn = sn_fr(n, det, plural)
    coute = "coûtent" if plural else "coûte"
    r = rng.random()
    if r < 0.5:
        en = mayuscula_inicial(f"{en_sn} {'cost' if plural else 'costs'} {en_p}.")
        return [(en, frase_fr(f"{fr_sn} {coute} {fr_p}"))]
    if r < 0.8:
        en = mayuscula_inicial(f"how much {'do' if plural else 'does'} {en_sn} cost?")
        return [(en, frase_fr(f"combien {coute} {fr_sn}", "?")), (en, frase_fr(f"{fr_sn} {coute} combien", "?"))]
    return [(f"It costs {en_p}.", frase_fr(f"ça coûte {fr_p}")), (f"It costs {en_p}.", frase_fr(f"cela coûte {fr_p}"))]


UNIDADES = [("minute", "minute", "f", 1, 20), ("hour", "heure", "f", 1, 5), ("day", "jour", "m", 1, 20),
            ("week", "semaine", "f", 1, 6), ("month", "mois", "m", 1, 11), ("year", "an", "m", 1, 20)]


def _duracion(rng: random.Random, unidades: list[str]) -> tuple[str, str]:
    en_u, fr_u, g, desde, hasta = rng.choice([u for u in UNIDADES if u[0] in unidades])
    n = rng.randint(desde, hasta)
    if n == 1:
        return un_en(en_u), f"{num_fr(1, g)} {fr_u}"
    fr_pl = fr_u if fr_u.endswith("s") else fr_u + "s"
    return f"{NUM_EN[n]} {en_u}s", f"{NUM_FR[n]} {fr_pl}"


def marco_duracion(rng: random.Random) -> Pares:
    """The train leaves in ten minutes. / I've been waiting for two hours. → J'attends depuis deux heures."""
    r = rng.random()
    if r < 0.25:
        en_s, fr_s, en_v, fr_v = rng.choice([("the train", "le train", "leaves", "part"),
                                             ("the bus", "le bus", "leaves", "part"),
                                             ("the movie", "le film", "starts", "commence"),
                                             ("the store", "le magasin", "closes", "ferme"),
                                             ("the class", "le cours", "starts", "commence")])
        en_d, fr_d = _duracion(rng, ["minute", "hour"])
        return [(mayuscula_inicial(f"{en_s} {en_v} in {en_d}."), frase_fr(f"{fr_s} {fr_v} dans {fr_d}"))]
    grupo = elegir_sujeto(rng, pesos=(55, 35, 10, 0), filtro=lambda s: s.en not in {"the baby", "everyone"})
    pares: Pares = []
    if r < 0.45:
        en_d, fr_d = _duracion(rng, ["minute", "hour"])
        for s in grupo:
            if s.clase != "pron":
                en = frase_en(f"{s.en} {have_en(s)} been waiting for {en_d}")
            else:
                en = frase_en(f"{s.en}{chr(39)}{'s' if s.tercera else 've'} been waiting for {en_d}")
            pares.append((en, frase_fr(fr_presente(s, V["attendre"], f"depuis {fr_d}"))))
        return pares
    if r < 0.65:
        en_d, fr_d = _duracion(rng, ["minute", "hour"])
        for s in grupo:
            en = frase_en(f"{s.en} will be back in {en_d}")
            pares.append((en, frase_fr(fr_presente(s, V["revenir"], f"dans {fr_d}"))))
        return pares
    if r < 0.85:
        en_d, fr_d = _duracion(rng, ["day", "week", "month"])
        fr_c, en_c, _, _ = rng.choice(CIUDADES)
        for s in grupo:
            en = frase_en(f"{s.en} stayed in {en_c} for {en_d}")
            pares.append((en, frase_fr(fr_compuesto(s, V["rester"], f"{fr_d} à {fr_c}"))))
        return pares
    en_d, fr_d = _duracion(rng, ["year", "month"])
    fr_i, en_i = rng.choice(IDIOMAS[:12])
    for s in grupo:
        if s.clase != "pron":
            return []
        en = frase_en(f"{s.en}{chr(39)}{'s' if s.tercera else 've'} been learning {en_i} for {en_d}")
        pares.append((en, frase_fr(fr_presente(s, V["apprendre"], f"le {fr_i} depuis {fr_d}"))))
    return pares


# --- Rasgos físicos, dolor, tiempo atmosférico -------------------------------------------------
OJOS = [("blue", "bleus"), ("green", "verts"), ("brown", "marron"), ("black", "noirs"), ("gray", "gris")]
PELO = [("blond", ["blonds"]), ("brown", ["bruns", "châtains"]), ("black", ["noirs"]), ("red", ["roux"]),
        ("gray", ["gris"]), ("white", ["blancs"]), ("long", ["longs"]), ("short", ["courts"]),
        ("curly", ["bouclés"]), ("straight", ["raides"])]


def marco_rasgos(rng: random.Random) -> Pares:
    """Tom has blue eyes. → Tom a les yeux bleus. / She has curly hair. → Elle a les cheveux bouclés."""
    grupo = elegir_sujeto(rng, filtro=lambda s: s.en not in {"everyone"} and not s.plural)
    if rng.random() < 0.45:
        en_r, frs = rng.choice(OJOS)
        en_o, fr_o, frs = "eyes", "les yeux", [frs]
    else:
        en_r, frs = rng.choice(PELO)
        en_o, fr_o = "hair", "les cheveux"
    r = rng.random()
    pares: Pares = []
    for s in grupo:
        avoir = V["avoir"].pres[s.persona]
        for f in frs:
            if r < 0.7 or not sujeto_pregunta_ok(s):
                pares.append((frase_en(f"{s.en} {have_en(s)} {en_r} {en_o}"), frase_fr(f"{s.fr} {avoir} {fr_o} {f}")))
            else:
                en = frase_en(f"{'does' if s.tercera else 'do'} {s.en} have {en_r} {en_o}", "?")
                pares += [(en, fr) for fr in preguntas_fr(s, avoir, f"{fr_o} {f}")]
    return pares


# Partes del cuerpo: (inglés, francés con artículo sin contraer, plural inglés)
CUERPO = [("head", "la tête", False), ("back", "le dos", False), ("stomach", "le ventre", False),
          ("teeth", "les dents", True), ("feet", "les pieds", True), ("throat", "la gorge", False),
          ("ears", "les oreilles", True), ("legs", "les jambes", True), ("arm", "le bras", False),
          ("knee", "le genou", False), ("eyes", "les yeux", True), ("hand", "la main", False)]


def marco_dolor(rng: random.Random) -> Pares:
    """My head hurts. → J'ai mal à la tête. / Tom's back hurts. → Tom a mal au dos."""
    grupo = elegir_sujeto(rng, pesos=(55, 35, 10, 0), filtro=lambda s: not s.plural and s.en != "everyone")
    en_c, fr_c, plural = rng.choice(CUERPO)
    hurt = "hurt" if plural else "hurts"
    pregunta = rng.random() < 0.25
    pares: Pares = []
    for s in grupo:
        avoir = V["avoir"].pres[s.persona]
        if s.clase == "nombre":
            poseedor = f"{s.en}'s"
        elif s.pos_en is None:
            return []
        else:
            poseedor = s.pos_en
        if pregunta:
            if s.en == "I":
                return []
            en = f"Does {poseedor} {en_c} hurt?" if not plural else f"Do {poseedor} {en_c} hurt?"
            pares += [(en, fr) for fr in preguntas_fr(s, avoir, f"mal à {fr_c}")]
        else:
            en = mayuscula_inicial(f"{poseedor} {en_c} {hurt}.")
            pares.append((en, frase_fr(f"{s.fr} {avoir} mal à {fr_c}")))
    return pares


# Tiempo atmosférico: (inglés presente, presente, imperfecto, futuro próximo, futuro, negación)
CLIMA = [
    ("it's hot", "il fait chaud", "il faisait chaud", "il va faire chaud", "il fera chaud", "il ne fait pas chaud",
     "it was hot", "it isn't hot"),
    ("it's cold", "il fait froid", "il faisait froid", "il va faire froid", "il fera froid", "il ne fait pas froid",
     "it was cold", "it isn't cold"),
    ("it's nice", "il fait beau", "il faisait beau", "il va faire beau", "il fera beau", "il ne fait pas beau",
     "it was nice", "it isn't nice"),
    ("it's raining", "il pleut", "il pleuvait", "il va pleuvoir", "il pleuvra", "il ne pleut pas",
     "it was raining", "it isn't raining"),
    ("it's snowing", "il neige", "il neigeait", "il va neiger", "il neigera", "il ne neige pas",
     "it was snowing", "it isn't snowing"),
    ("it's windy", "il y a du vent", "il y avait du vent", "il va y avoir du vent", "il y aura du vent",
     "il n'y a pas de vent", "it was windy", "it isn't windy"),
    ("it's sunny", "il y a du soleil", "il y avait du soleil", "il va y avoir du soleil", "il y aura du soleil",
     "il n'y a pas de soleil", "it was sunny", "it isn't sunny"),
    ("it's foggy", "il y a du brouillard", "il y avait du brouillard", "il va y avoir du brouillard",
     "il y aura du brouillard", "il n'y a pas de brouillard", "it was foggy", "it isn't foggy"),
]
FUTUROS_EN = {"it's hot": "be hot", "it's cold": "be cold", "it's nice": "be nice", "it's raining": "rain",
              "it's snowing": "snow", "it's windy": "be windy", "it's sunny": "be sunny", "it's foggy": "be foggy"}


def marco_clima(rng: random.Random) -> Pares:
    """It's cold today. / It was raining yesterday. / It's going to snow tomorrow. / Is it cold in Montreal?"""
    en_p, fr_p, fr_imp, fr_fp, fr_fut, fr_neg, en_pas, en_neg = rng.choice(CLIMA)
    lugar_en, lugar_fr = "", ""
    if rng.random() < 0.4:
        _, lugar_en, lugar_fr = _ciudad_o_pais(rng)
    r = rng.random()
    if r < 0.25:
        t_en, t_fr = rng.choice([("today", "aujourd'hui"), ("this morning", "ce matin"), ("", "")])
        return [(frase_en(f"{en_p} {lugar_en} {t_en}"), frase_fr(f"{fr_p} {lugar_fr} {t_fr}"))]
    if r < 0.4:
        return [(frase_en(f"{en_neg} {lugar_en}"), frase_fr(f"{fr_neg} {lugar_fr}"))]
    if r < 0.55:
        t_en, t_fr = rng.choice([("yesterday", "hier"), ("last night", "hier soir"), ("last week", "la semaine dernière")])
        return [(frase_en(f"{en_pas} {lugar_en} {t_en}"), frase_fr(f"{fr_imp} {lugar_fr} {t_fr}"))]
    if r < 0.8:
        t_en, t_fr = rng.choice([("tomorrow", "demain"), ("tonight", "ce soir"), ("this weekend", "ce week-end"),
                                 ("this afternoon", "cet après-midi")])
        fut = FUTUROS_EN[en_p]
        if rng.random() < 0.6:
            en = frase_en(f"it's going to {fut} {lugar_en} {t_en}")
            return [(en, frase_fr(f"{fr_fp} {lugar_fr} {t_fr}"))]
        en = frase_en(f"it will {fut} {lugar_en} {t_en}")
        return [(en, frase_fr(f"{fr_fut} {lugar_fr} {t_fr}"))]
    # Pregunta
    en = frase_en(f"is it {en_p[5:]} {lugar_en}", "?")  # it's raining → is it raining
    cuerpo = fr_p[3:]  # «fait froid», «pleut», «y a du vent»
    pares = [(en, frase_fr(f"{fr_p} {lugar_fr}", "?")), (en, frase_fr(f"est-ce qu'{fr_p} {lugar_fr}", "?"))]
    if cuerpo.startswith("y a "):
        pares.append((en, frase_fr(f"y a-t-il {cuerpo[4:]} {lugar_fr}", "?")))
    else:
        verbo, _, resto = cuerpo.partition(" ")
        t = "t-" if verbo[-1] in "ae" else ""  # neige-t-il, pleut-il, fait-il
        pares.append((en, frase_fr(f"{verbo}-{t}il {resto} {lugar_fr}", "?")))
    return pares


# --- Saber dónde, cuándo, por qué ------------------------------------------------------------------
def marco_saber(rng: random.Random) -> Pares:
    """I know where Tom lives. → Je sais où Tom habite. / Do you know where the station is?"""
    r = rng.random()
    x = nombre_al_azar(rng)
    if r < 0.3:
        a = rng.choice(EDIFICIOS)
        en = f"Do you know where {a.en_nom} is?"
        return [(en, frase_fr(f"sais-tu où est {a.fr_sn()}", "?")),
                (en, frase_fr(f"savez-vous où se trouve {a.fr_sn()}", "?")),
                (en, frase_fr(f"tu sais où est {a.fr_sn()}", "?"))]
    grupo = elegir_sujeto(rng, pesos=(60, 30, 10, 0), filtro=lambda s: s.en not in {"the baby", "everyone"}
                          and x.en not in s.en)
    e = "e" if x.genero == "f" else ""
    opciones = [
        ("where {X} lives", "où {X} habite", "où habite {X}"),
        ("where {X} is", "où est {X}", None),
        ("why {X} left", "pourquoi {X} est parti{e}", None),
        ("when {X} is coming", "quand {X} vient", "quand vient {X}"),
        ("what {X} wants", "ce que {X} veut", "ce que veut {X}"),
        ("where {X} works", "où {X} travaille", "où travaille {X}"),
    ]
    en_t, fr_t, fr_t2 = rng.choice(opciones)
    neg = rng.random() < 0.45
    semilla = rng.randrange(1 << 30)
    pares: Pares = []
    for s in grupo:
        rl = random.Random(semilla)
        sait = V["savoir"].pres[s.persona]
        sub_en = en_t.format(X=x.en)
        subs_fr = [t.format(X=x.fr, e=e) for t in (fr_t, fr_t2) if t]
        if neg:
            en = frase_en(f"{s.en} {do_en(s, rl)} know {sub_en}")
        else:
            en = frase_en(f"{s.en} {'knows' if s.tercera else 'know'} {sub_en}")
        for sub_fr in subs_fr:
            if neg:
                pares.append((en, frase_fr(f"{s.fr} ne {sait} pas {sub_fr}")))
            else:
                pares.append((en, frase_fr(f"{s.fr} {sait} {sub_fr}")))
    return pares


# =========================================================================================
# 9. Frases escritas a mano: «inglés = francés | otra traducción francesa»
#    (el espacio ante ! ? se escribe normal aquí y se convierte en U+202F al cargar).
# =========================================================================================
FRASES_A_MANO = {
    "saludos": """
Hello! = Bonjour ! | Salut !
Hi! = Salut !
Good morning. = Bonjour.
Good afternoon. = Bonjour.
Good evening. = Bonsoir.
Good night. = Bonne nuit.
Goodbye! = Au revoir !
Bye! = Salut ! | Au revoir !
See you soon! = À bientôt !
See you tomorrow! = À demain !
See you later! = À plus tard ! | À tout à l'heure !
See you tonight. = À ce soir.
See you next week. = À la semaine prochaine.
Welcome! = Bienvenue !
Welcome to Paris! = Bienvenue à Paris !
Welcome home! = Bienvenue à la maison !
Thank you. = Merci.
Thanks a lot. = Merci beaucoup.
Thank you very much! = Merci beaucoup ! | Merci infiniment !
You're welcome. = De rien. | Je vous en prie. | Je t'en prie.
Please. = S'il te plaît. | S'il vous plaît.
Excuse me. = Excusez-moi. | Excuse-moi.
Sorry! = Pardon ! | Désolé ! | Désolée !
I'm sorry. = Je suis désolé. | Je suis désolée.
I'm very sorry. = Je suis vraiment désolé. | Je suis vraiment désolée.
No problem. = Pas de problème.
How are you? = Comment vas-tu ? | Comment allez-vous ? | Comment ça va ?
I'm fine, thanks. = Je vais bien, merci. | Ça va, merci.
And you? = Et toi ? | Et vous ?
Not bad. = Pas mal.
Very well, thank you. = Très bien, merci.
Nice to meet you. = Enchanté. | Enchantée.
What's your name? = Comment t'appelles-tu ? | Comment vous appelez-vous ? | Tu t'appelles comment ?
Where are you from? = D'où viens-tu ? | D'où venez-vous ?
Have a nice day! = Bonne journée !
Have a good evening! = Bonne soirée !
Have a good weekend! = Bon week-end !
Have a good trip! = Bon voyage !
Enjoy your meal! = Bon appétit !
Happy birthday! = Joyeux anniversaire ! | Bon anniversaire !
Happy New Year! = Bonne année !
Merry Christmas! = Joyeux Noël !
Good luck! = Bonne chance !
Congratulations! = Félicitations !
Cheers! = Santé ! | À la vôtre ! | À la tienne !
Take care. = Prends soin de toi. | Prenez soin de vous.
Come in! = Entre ! | Entrez !
Long time no see! = Ça fait longtemps !
Good evening, sir. = Bonsoir, monsieur.
Good morning, madam. = Bonjour, madame.
Thank you, sir. = Merci, monsieur.
Hi, everyone! = Salut tout le monde ! | Bonjour à tous !
Good night, everyone. = Bonne nuit à tous. | Bonne nuit tout le monde.
Sweet dreams. = Fais de beaux rêves. | Faites de beaux rêves.
Sleep well. = Dors bien. | Dormez bien.
Thank you for everything. = Merci pour tout.
Thanks for your help. = Merci pour ton aide. | Merci pour votre aide. | Merci de ton aide.
Thanks for coming. = Merci d'être venu. | Merci d'être venue. | Merci d'être venus.
Sorry I'm late. = Désolé d'être en retard. | Désolée d'être en retard. | Pardon pour le retard.
Excuse me, where's the station? = Excusez-moi, où est la gare ?
Pardon me? = Pardon ? | Comment ?
I'm sorry, I can't. = Désolé, je ne peux pas. | Désolée, je ne peux pas.
""",
    "respuestas": """
Yes. = Oui.
No. = Non.
Maybe. = Peut-être.
Of course! = Bien sûr !
Okay. = D'accord.
Sure. = Bien sûr.
Really? = Vraiment ? | C'est vrai ?
Why? = Pourquoi ?
Why not? = Pourquoi pas ?
How? = Comment ?
When? = Quand ?
Where? = Où ?
Who? = Qui ?
What? = Quoi ? | Comment ?
Which one? = Lequel ? | Laquelle ?
How much? = Combien ?
Me too. = Moi aussi.
Me neither. = Moi non plus.
Not at all. = Pas du tout.
Not yet. = Pas encore.
Never mind. = Ce n'est pas grave. | Laisse tomber.
It doesn't matter. = Ça n'a pas d'importance. | Peu importe.
That's right. = C'est exact. | C'est juste.
That's true. = C'est vrai.
That's wrong. = C'est faux.
I agree. = Je suis d'accord.
I don't agree. = Je ne suis pas d'accord.
I don't know. = Je ne sais pas.
I know. = Je sais.
I understand. = Je comprends.
I don't understand. = Je ne comprends pas.
I see. = Je vois.
I think so. = Je pense que oui. | Je crois que oui.
I don't think so. = Je ne pense pas. | Je ne crois pas.
I hope so. = Je l'espère. | J'espère bien.
I'm not sure. = Je ne suis pas sûr. | Je ne suis pas sûre.
It depends. = Ça dépend.
That's it! = C'est ça ! | Voilà !
That's not it. = Ce n'est pas ça.
Is that so? = Ah bon ?
So what? = Et alors ?
Why me? = Pourquoi moi ?
It's me. = C'est moi.
It's you! = C'est toi ! | C'est vous !
It's him. = C'est lui.
It's her. = C'est elle.
It's them. = Ce sont eux.
Nobody knows. = Personne ne sait.
Nobody came. = Personne n'est venu.
Nothing happened. = Il ne s'est rien passé.
Everything is ready. = Tout est prêt.
Everybody is here. = Tout le monde est là.
I promise. = Je promets. | C'est promis.
Trust me. = Fais-moi confiance. | Faites-moi confiance.
I believe you. = Je te crois. | Je vous crois.
I don't believe it! = Je n'y crois pas !
It's up to you. = C'est à toi de voir. | C'est à vous de décider.
As you like. = Comme tu veux. | Comme vous voulez.
I changed my mind. = J'ai changé d'avis.
I made a mistake. = J'ai fait une erreur. | Je me suis trompé. | Je me suis trompée.
I was wrong. = J'avais tort. | Je me suis trompé.
""",
    "exclamaciones": """
Help! = À l'aide ! | Au secours !
Fire! = Au feu !
Stop! = Arrête ! | Arrêtez ! | Stop !
Wait! = Attends ! | Attendez !
Look! = Regarde ! | Regardez !
Listen! = Écoute ! | Écoutez !
Be careful! = Fais attention ! | Faites attention !
Watch out! = Attention !
Calm down! = Calme-toi ! | Calmez-vous !
Let's go! = Allons-y ! | On y va !
Come here! = Viens ici ! | Venez ici !
Go away! = Va-t'en ! | Allez-vous-en !
Shut up! = Tais-toi ! | Taisez-vous !
Try again. = Essaie encore. | Essayez encore.
Don't worry. = Ne t'inquiète pas. | Ne vous inquiétez pas.
Don't move! = Ne bouge pas ! | Ne bougez pas !
Don't cry. = Ne pleure pas.
Don't forget! = N'oublie pas ! | N'oubliez pas !
Don't be late. = Ne sois pas en retard. | Ne soyez pas en retard.
Don't be afraid. = N'aie pas peur. | N'ayez pas peur.
Don't be sad. = Ne sois pas triste. | Ne soyez pas triste.
Be quiet! = Silence ! | Taisez-vous !
Smile! = Souris ! | Souriez !
Relax. = Détends-toi. | Détendez-vous.
Good job! = Bon travail ! | Bravo !
Well done! = Bien joué ! | Bravo !
What a pity! = Quel dommage !
Too bad! = Dommage !
How beautiful! = Comme c'est beau ! | Que c'est beau !
What a surprise! = Quelle surprise !
What a nice day! = Quelle belle journée !
What a relief! = Quel soulagement !
Great! = Génial ! | Super !
Perfect! = Parfait !
Amazing! = Incroyable !
That's enough! = Ça suffit !
Fantastic! = Fantastique !
Of course not! = Bien sûr que non !
Absolutely! = Absolument !
Exactly! = Exactement !
No way! = Pas question ! | Hors de question !
Nonsense! = N'importe quoi !
Bless you! = À tes souhaits ! | À vos souhaits !
Oops! = Oups !
Ouch! = Aïe !
Bravo! = Bravo !
It's a deal! = Marché conclu ! | C'est d'accord !
Good idea! = Bonne idée !
Happy holidays! = Joyeuses fêtes ! | Bonnes fêtes !
Get well soon! = Bon rétablissement ! | Remets-toi vite !
Have fun! = Amuse-toi bien ! | Amusez-vous bien !
Enjoy! = Profite bien ! | Profitez bien !
Cheer up! = Courage !
""",
    "clase": """
Open your books. = Ouvrez vos livres. | Ouvre tes livres.
Close the door, please. = Ferme la porte, s'il te plaît. | Fermez la porte, s'il vous plaît.
Repeat, please. = Répète, s'il te plaît. | Répétez, s'il vous plaît.
Can you repeat that? = Peux-tu répéter ? | Pouvez-vous répéter ?
Speak slowly, please. = Parle lentement, s'il te plaît. | Parlez lentement, s'il vous plaît.
Louder, please. = Plus fort, s'il vous plaît.
What does this word mean? = Que veut dire ce mot ? | Que signifie ce mot ?
How do you spell it? = Comment ça s'écrit ? | Comment est-ce que ça s'écrit ?
I have a question. = J'ai une question.
Can I ask a question? = Je peux poser une question ? | Puis-je poser une question ?
Raise your hand. = Lève la main. | Levez la main.
Listen carefully. = Écoute bien. | Écoutez bien.
Read the text. = Lis le texte. | Lisez le texte.
Write your name. = Écris ton nom. | Écrivez votre nom.
Spell your name, please. = Épelle ton nom, s'il te plaît. | Épelez votre nom, s'il vous plaît.
Write it down. = Note-le. | Notez-le.
Sit down, please. = Assieds-toi, s'il te plaît. | Asseyez-vous, s'il vous plaît.
Work in pairs. = Travaillez par deux. | Travaillez à deux.
Open your books to page ten. = Ouvrez vos livres à la page dix.
The lesson is over. = Le cours est terminé. | La leçon est finie.
Class starts at nine. = Le cours commence à neuf heures.
I forgot my homework. = J'ai oublié mes devoirs.
I did my homework. = J'ai fait mes devoirs.
Where's the teacher? = Où est le professeur ?
The teacher is nice. = Le professeur est gentil.
I passed the exam. = J'ai réussi l'examen. | J'ai réussi mon examen.
I failed the exam. = J'ai raté l'examen. | J'ai échoué à l'examen.
The exam is tomorrow. = L'examen est demain.
Can I borrow your pencil? = Je peux emprunter ton crayon ? | Puis-je emprunter votre crayon ?
Is this correct? = Est-ce que c'est correct ? | C'est juste ?
That's a good answer. = C'est une bonne réponse.
The answer is wrong. = La réponse est fausse.
French isn't easy. = Le français n'est pas facile.
What's the answer? = Quelle est la réponse ?
I don't remember. = Je ne me souviens pas. | Je ne m'en souviens pas.
I have an idea. = J'ai une idée.
Good question! = Bonne question !
Let's start. = Commençons.
Let's begin the lesson. = Commençons la leçon.
That's all for today. = C'est tout pour aujourd'hui.
Do you understand? = Tu comprends ? | Vous comprenez ? | Comprends-tu ? | Comprenez-vous ?
Any questions? = Des questions ? | Vous avez des questions ?
Quiet, please. = Silence, s'il vous plaît.
Who knows the answer? = Qui connaît la réponse ?
I know the answer. = Je connais la réponse.
Look at the board. = Regarde le tableau. | Regardez le tableau.
Erase the board. = Efface le tableau. | Effacez le tableau.
Take out a sheet of paper. = Prenez une feuille de papier. | Sortez une feuille de papier.
Hand in your homework. = Rendez vos devoirs. | Rends tes devoirs.
The bell is ringing. = La cloche sonne. | Ça sonne.
It's break time! = C'est la récréation !
Turn off your phones. = Éteignez vos téléphones.
Let's take a break. = Faisons une pause.
What page are we on? = On est à quelle page ? | À quelle page sommes-nous ?
Can you help me with this exercise? = Peux-tu m'aider avec cet exercice ? | Pouvez-vous m'aider avec cet exercice ?
I need to think. = J'ai besoin de réfléchir.
Let me think. = Laisse-moi réfléchir. | Laissez-moi réfléchir.
""",
    "comida": """
What's for dinner? = Qu'est-ce qu'on mange ce soir ? | Qu'y a-t-il pour le dîner ?
Dinner is ready. = Le dîner est prêt.
Lunch is ready! = Le déjeuner est prêt ! | À table !
Breakfast is ready. = Le petit-déjeuner est prêt.
It's delicious! = C'est délicieux ! | C'est très bon !
It smells good. = Ça sent bon.
I'm full. = Je n'ai plus faim.
I'm not hungry anymore. = Je n'ai plus faim.
I'm starving! = Je meurs de faim ! | J'ai une faim de loup !
I'm hungry and thirsty. = J'ai faim et soif.
The bill, please. = L'addition, s'il vous plaît.
A coffee, please. = Un café, s'il vous plaît.
Two coffees, please. = Deux cafés, s'il vous plaît.
A table for two, please. = Une table pour deux, s'il vous plaît.
Can I see the menu? = Je peux voir la carte ? | Puis-je voir le menu ?
Some more bread? = Encore un peu de pain ? | Encore du pain ?
Help yourself. = Sers-toi. | Servez-vous.
Pass me the salt, please. = Passe-moi le sel, s'il te plaît. | Passez-moi le sel, s'il vous plaît.
I'm a vegetarian. = Je suis végétarien. | Je suis végétarienne.
I'm allergic to nuts. = Je suis allergique aux noix.
This cake is delicious. = Ce gâteau est délicieux.
Is there any milk? = Il y a du lait ? | Est-ce qu'il y a du lait ? | Y a-t-il du lait ?
There's no more bread. = Il n'y a plus de pain.
There's nothing in the fridge. = Il n'y a rien dans le frigo.
Let's eat! = Mangeons ! | À table !
What would you like? = Que voudrais-tu ? | Que désirez-vous ?
I'll have the fish. = Je vais prendre le poisson. | Je prendrai le poisson.
I'll have the same. = Je vais prendre la même chose. | La même chose pour moi.
Is it spicy? = C'est épicé ? | Est-ce que c'est épicé ?
It's too salty. = C'est trop salé.
It's too sweet. = C'est trop sucré.
No sugar, thanks. = Sans sucre, merci.
With milk, please. = Avec du lait, s'il vous plaît.
I'm cooking. = Je cuisine. | Je fais la cuisine.
Who made this cake? = Qui a fait ce gâteau ?
The fridge is empty. = Le frigo est vide. | Le réfrigérateur est vide.
Yes, please. = Oui, s'il te plaît. | Oui, s'il vous plaît. | Oui, merci.
No, thank you. = Non, merci.
Enough, thanks. = Ça suffit, merci. | C'est assez, merci.
Do you want some more? = Tu en veux encore ? | Vous en voulez encore ?
Dessert is included. = Le dessert est compris.
What's the dish of the day? = Quel est le plat du jour ?
Who wants coffee? = Qui veut du café ?
""",
    "tiempo_atmosferico": """
The weather is nice. = Il fait beau.
The weather is bad. = Il fait mauvais.
It's cloudy. = Le ciel est couvert. | Le temps est nuageux.
It's mild. = Il fait doux.
It's stormy. = Il y a de l'orage.
What's the weather like? = Quel temps fait-il ?
What a beautiful day! = Quelle belle journée !
The sun is shining. = Le soleil brille.
The sky is blue. = Le ciel est bleu.
Winter is coming. = L'hiver arrive.
It's spring. = C'est le printemps.
In winter, it's cold. = En hiver, il fait froid.
In summer, it's hot. = En été, il fait chaud.
In autumn, it rains a lot. = En automne, il pleut beaucoup.
In spring, the trees are green. = Au printemps, les arbres sont verts.
Take an umbrella. = Prends un parapluie. | Prenez un parapluie.
It's freezing. = Il gèle.
It rained all day. = Il a plu toute la journée.
It snowed last night. = Il a neigé cette nuit. | Il a neigé la nuit dernière.
There's a storm. = Il y a une tempête. | Il y a un orage.
The wind is strong. = Le vent est fort.
It's getting cold. = Il commence à faire froid.
It's dark in here. = Il fait sombre ici.
""",
    "viajes": """
Where's the bathroom? = Où sont les toilettes ?
Where is the exit? = Où est la sortie ?
Is it far? = C'est loin ?
Is it far from here? = Est-ce que c'est loin d'ici ? | C'est loin d'ici ?
It's very close. = C'est tout près.
Turn left. = Tourne à gauche. | Tournez à gauche.
Turn right. = Tourne à droite. | Tournez à droite.
Go straight ahead. = Va tout droit. | Allez tout droit.
I'm lost. = Je suis perdu. | Je suis perdue.
I missed the train. = J'ai raté le train. | J'ai manqué le train.
The train is late. = Le train est en retard.
The plane is on time. = L'avion est à l'heure.
When does the train leave? = Quand part le train ? | À quelle heure part le train ?
A ticket to Lyon, please. = Un billet pour Lyon, s'il vous plaît.
A round-trip ticket, please. = Un aller-retour, s'il vous plaît.
A one-way ticket, please. = Un aller simple, s'il vous plaît.
Where's the bus stop? = Où est l'arrêt de bus ?
Call a taxi! = Appelle un taxi ! | Appelez un taxi !
Your passport, please. = Votre passeport, s'il vous plaît.
Have a good vacation! = Bonnes vacances !
I'm on vacation. = Je suis en vacances.
We're going on vacation. = Nous partons en vacances. | On part en vacances.
I love traveling. = J'adore voyager.
I have a reservation. = J'ai une réservation.
A single room, please. = Une chambre simple, s'il vous plaît. | Une chambre pour une personne, s'il vous plaît.
Is breakfast included? = Le petit-déjeuner est compris ? | Le petit-déjeuner est-il compris ?
Here's my ticket. = Voici mon billet.
Where are you going? = Où vas-tu ? | Où allez-vous ?
Where are we? = Où sommes-nous ?
We're almost there. = Nous y sommes presque. | On y est presque.
How long does it take? = Combien de temps ça prend ? | Ça prend combien de temps ?
Let's take the bus. = Prenons le bus.
I'm going by train. = J'y vais en train.
By bike or on foot? = À vélo ou à pied ?
Can you help me? = Peux-tu m'aider ? | Pouvez-vous m'aider ? | Tu peux m'aider ?
Can I help you? = Je peux vous aider ? | Puis-je vous aider ? | Je peux t'aider ?
I'm looking for the hotel. = Je cherche l'hôtel.
Where can I buy a ticket? = Où puis-je acheter un billet ? | Où est-ce que je peux acheter un billet ?
The flight is canceled. = Le vol est annulé.
Which platform? = Quel quai ?
Is this seat free? = Cette place est libre ? | Est-ce que cette place est libre ?
Is this seat taken? = Cette place est prise ? | Est-ce que cette place est prise ?
Fasten your seat belt. = Attachez votre ceinture. | Attache ta ceinture.
We're landing. = Nous atterrissons.
Is this the train to Paris? = C'est le train pour Paris ? | Est-ce le train pour Paris ?
See you at the station. = On se retrouve à la gare. | Rendez-vous à la gare.
I'm on my way. = J'arrive. | Je suis en route.
""",
    "compras": """
How much is it? = C'est combien ? | Combien ça coûte ?
How much does it cost? = Combien ça coûte ? | Combien est-ce que ça coûte ?
It's too expensive. = C'est trop cher.
It's not expensive. = Ce n'est pas cher.
It's cheap. = C'est bon marché. | Ce n'est pas cher.
I'll take it. = Je le prends. | Je la prends.
I'm just looking. = Je regarde seulement. | Je ne fais que regarder.
Can I try it on? = Je peux l'essayer ? | Puis-je l'essayer ?
It's too small. = C'est trop petit.
It's too big. = C'est trop grand.
It suits you. = Ça te va bien. | Ça vous va bien.
Can I pay by card? = Je peux payer par carte ? | Puis-je payer par carte ?
I'll pay cash. = Je vais payer en espèces. | Je paie en liquide.
Here's your change. = Voici votre monnaie.
What size? = Quelle taille ?
What color? = Quelle couleur ?
Anything else? = Autre chose ? | Et avec ceci ?
That's all, thanks. = C'est tout, merci.
Half a kilo, please. = Un demi-kilo, s'il vous plaît.
I'm going shopping. = Je vais faire des courses. | Je vais faire les magasins.
It's on sale. = C'est en solde. | C'est en promotion.
It's free. = C'est gratuit.
Do you have a bag? = Vous avez un sac ? | As-tu un sac ?
Where's the cash register? = Où est la caisse ?
The market is open. = Le marché est ouvert.
Do you have this in red? = Vous l'avez en rouge ? | Est-ce que vous l'avez en rouge ?
""",
    "hora_y_fechas": """
What time is it? = Quelle heure est-il ? | Il est quelle heure ?
What day is it today? = Quel jour sommes-nous ? | On est quel jour aujourd'hui ?
What's the date today? = Quelle est la date d'aujourd'hui ? | On est le combien aujourd'hui ?
It's late. = Il est tard.
It's early. = Il est tôt.
It's time to go. = Il est l'heure de partir. | C'est l'heure de partir.
It's time for bed. = C'est l'heure d'aller au lit. | Il est l'heure d'aller se coucher.
Hurry, we're late! = Dépêche-toi, on est en retard ! | Vite, nous sommes en retard !
I don't have time. = Je n'ai pas le temps.
I have time. = J'ai le temps.
Do you have a minute? = Tu as une minute ? | Avez-vous une minute ?
In five minutes. = Dans cinq minutes.
In an hour. = Dans une heure.
Right now. = Tout de suite. | Maintenant.
Today. = Aujourd'hui.
Tomorrow. = Demain.
Yesterday. = Hier.
Tonight. = Ce soir.
This morning. = Ce matin.
Every day. = Tous les jours. | Chaque jour.
Every morning. = Tous les matins. | Chaque matin.
Sometimes. = Parfois. | Quelquefois.
Always. = Toujours.
Never. = Jamais.
Often. = Souvent.
Soon. = Bientôt.
Later. = Plus tard.
Now. = Maintenant.
Not now. = Pas maintenant.
Last week. = La semaine dernière.
Next year. = L'année prochaine.
Time flies. = Le temps passe vite.
It's midnight. = Il est minuit.
It's noon. = Il est midi.
It's almost noon. = Il est presque midi.
The day after tomorrow. = Après-demain.
The day before yesterday. = Avant-hier.
How old are you? = Quel âge as-tu ? | Quel âge avez-vous ? | Tu as quel âge ?
When is your birthday? = Quand est ton anniversaire ? | C'est quand, ton anniversaire ? | Quand est votre anniversaire ?
We have plenty of time. = Nous avons tout notre temps. | On a largement le temps.
How long have you been here? = Depuis combien de temps es-tu ici ? | Depuis quand êtes-vous là ?
See you in an hour. = À dans une heure.
It's been a long day. = La journée a été longue.
""",
    "familia": """
This is my family. = Voici ma famille. | C'est ma famille.
I have a big family. = J'ai une grande famille.
I'm an only child. = Je suis enfant unique. | Je suis fils unique. | Je suis fille unique.
Do you have children? = Avez-vous des enfants ? | As-tu des enfants ? | Tu as des enfants ?
My parents are divorced. = Mes parents sont divorcés.
My parents are retired. = Mes parents sont à la retraite. | Mes parents sont retraités.
She's my wife. = C'est ma femme.
He's my husband. = C'est mon mari.
They're my parents. = Ce sont mes parents.
I live with my parents. = J'habite avec mes parents. | Je vis chez mes parents.
The baby is sleeping. = Le bébé dort.
The baby is crying. = Le bébé pleure.
I miss my family. = Ma famille me manque.
I miss you. = Tu me manques. | Vous me manquez.
I love you. = Je t'aime. | Je vous aime.
I love you too. = Moi aussi, je t'aime. | Je t'aime aussi.
Who is that man? = Qui est cet homme ?
Who is that woman? = Qui est cette femme ?
That's my neighbor. = C'est mon voisin. | C'est ma voisine.
My grandmother is ninety. = Ma grand-mère a quatre-vingt-dix ans.
My grandfather is eighty. = Mon grand-père a quatre-vingts ans.
We're twins. = Nous sommes jumeaux. | Nous sommes jumelles.
My sister is getting married. = Ma sœur se marie.
We're expecting a baby. = Nous attendons un bébé. | On attend un bébé.
My brother lives abroad. = Mon frère vit à l'étranger. | Mon frère habite à l'étranger.
Family is important. = La famille, c'est important.
""",
    "sentimientos": """
I'm so happy! = Je suis tellement heureux ! | Je suis tellement heureuse !
I'm bored. = Je m'ennuie.
I'm scared. = J'ai peur.
I feel good. = Je me sens bien.
I feel sick. = Je me sens mal. | Je ne me sens pas bien.
I have a headache. = J'ai mal à la tête.
I have a cold. = J'ai un rhume. | Je suis enrhumé. | Je suis enrhumée.
I have a fever. = J'ai de la fièvre.
What's wrong? = Qu'est-ce qui ne va pas ? | Qu'est-ce qu'il y a ?
Are you okay? = Ça va ? | Tu vas bien ? | Vous allez bien ?
I'm okay. = Ça va. | Je vais bien.
Everything's fine. = Tout va bien.
I'm proud of you. = Je suis fier de toi. | Je suis fière de toi. | Je suis fier de vous.
That's funny. = C'est drôle. | C'est marrant.
That's sad. = C'est triste.
I can't wait! = J'ai hâte !
I like it. = Ça me plaît. | J'aime ça.
I don't like it. = Ça ne me plaît pas. | Je n'aime pas ça.
I love it! = J'adore !
I hate it. = Je déteste ça.
It's boring. = C'est ennuyeux.
It's interesting. = C'est intéressant.
It's fun. = C'est amusant.
It's easy. = C'est facile.
It's hard. = C'est difficile. | C'est dur.
It's important. = C'est important.
It's possible. = C'est possible.
It's impossible. = C'est impossible.
It's dangerous. = C'est dangereux.
It's beautiful. = C'est beau.
It's strange. = C'est bizarre. | C'est étrange.
It's normal. = C'est normal.
It's not fair. = Ce n'est pas juste.
It's a secret. = C'est un secret.
It's a joke. = C'est une blague.
It's a good idea. = C'est une bonne idée.
It's a bad idea. = C'est une mauvaise idée.
It's my birthday. = C'est mon anniversaire.
It's a gift. = C'est un cadeau.
It's for you. = C'est pour toi. | C'est pour vous.
It's here. = C'est ici.
It's over. = C'est fini.
It's true. = C'est vrai.
It's broken. = C'est cassé.
It's open. = C'est ouvert.
It's closed. = C'est fermé.
It's ready. = C'est prêt.
I'm having fun. = Je m'amuse.
I'm fed up. = J'en ai marre. | J'en ai assez.
I'm glad you're here. = Je suis content que tu sois là. | Je suis contente que vous soyez là.
I don't feel like it. = Je n'en ai pas envie.
I feel like dancing. = J'ai envie de danser.
""",
    "peticiones": """
Can you open the window? = Peux-tu ouvrir la fenêtre ? | Pouvez-vous ouvrir la fenêtre ?
Could you close the door? = Pourriez-vous fermer la porte ? | Pourrais-tu fermer la porte ?
Can I come in? = Je peux entrer ? | Puis-je entrer ?
Can I sit here? = Je peux m'asseoir ici ? | Puis-je m'asseoir ici ?
May I? = Je peux ? | Vous permettez ?
Give me a minute. = Donne-moi une minute. | Donnez-moi une minute.
Call me tomorrow. = Appelle-moi demain. | Appelez-moi demain.
Call me later. = Appelle-moi plus tard. | Appelez-moi plus tard.
I'll call you back. = Je te rappelle. | Je vous rappelle.
Write to me! = Écris-moi ! | Écrivez-moi !
Tell me. = Dis-moi. | Dites-moi.
Tell me the truth. = Dis-moi la vérité. | Dites-moi la vérité.
Show me. = Montre-moi. | Montrez-moi.
Leave me alone! = Laisse-moi tranquille ! | Laissez-moi tranquille !
Let me try. = Laisse-moi essayer. | Laissez-moi essayer.
Let me see. = Fais voir. | Laisse-moi voir.
Don't tell anyone. = Ne le dis à personne. | Ne le dites à personne.
Keep it. = Garde-le. | Gardez-le.
Do it now. = Fais-le maintenant. | Faites-le maintenant.
Speak louder. = Parle plus fort. | Parlez plus fort.
Come back! = Reviens ! | Revenez !
Give it to me. = Donne-le-moi. | Donnez-le-moi. | Donne-la-moi.
Say something. = Dis quelque chose. | Dites quelque chose.
Please wait here. = Attendez ici, s'il vous plaît. | Attends ici, s'il te plaît.
Let's dance! = Dansons !
Let's play! = Jouons !
Let's go home. = Rentrons à la maison. | Rentrons.
Let's try. = Essayons.
Let's see. = Voyons.
Could you help me? = Pourriez-vous m'aider ? | Pourrais-tu m'aider ?
Can you lend me a pen? = Tu peux me prêter un stylo ? | Pouvez-vous me prêter un stylo ?
Can you give me a hand? = Tu peux me donner un coup de main ?
Wait a minute. = Attends une minute. | Attendez une minute.
Just a moment. = Un instant. | Un moment.
Here you are. = Voilà. | Tenez. | Tiens.
After you. = Après vous. | Après toi.
It's your turn. = C'est ton tour. | C'est à toi. | C'est à vous.
It's my turn. = C'est mon tour. | C'est à moi.
I'll be right back. = Je reviens tout de suite.
I want to go home. = Je veux rentrer à la maison. | Je veux rentrer chez moi.
""",
    "preguntas": """
Who's there? = Qui est là ?
Who are you? = Qui es-tu ? | Qui êtes-vous ?
What's that? = Qu'est-ce que c'est ? | C'est quoi ?
What's this? = Qu'est-ce que c'est ?
What happened? = Qu'est-ce qui s'est passé ? | Que s'est-il passé ?
What's going on? = Qu'est-ce qui se passe ? | Que se passe-t-il ?
What are you doing? = Qu'est-ce que tu fais ? | Que fais-tu ? | Que faites-vous ?
What do you want? = Qu'est-ce que tu veux ? | Que voulez-vous ?
What do you think? = Qu'en penses-tu ? | Qu'en pensez-vous ?
Where is it? = Où est-ce ? | C'est où ?
Where do you live? = Où habites-tu ? | Où habitez-vous ? | Où vis-tu ?
Where do you work? = Où travailles-tu ? | Où travaillez-vous ?
What do you do? = Que faites-vous dans la vie ? | Qu'est-ce que tu fais dans la vie ?
Who is it? = Qui est-ce ? | C'est qui ?
Whose is this? = À qui est-ce ? | C'est à qui ?
Is it yours? = C'est à toi ? | C'est à vous ? | Est-ce à toi ?
It's mine. = C'est à moi.
How's it going? = Comment ça va ? | Ça va ?
How was your day? = Comment s'est passée ta journée ? | Comment était ta journée ?
How was the trip? = Comment était le voyage ? | Le voyage s'est bien passé ?
Why are you laughing? = Pourquoi ris-tu ? | Pourquoi riez-vous ?
Why are you crying? = Pourquoi pleures-tu ? | Pourquoi pleurez-vous ?
Are you sure? = Tu es sûr ? | Tu es sûre ? | Vous êtes sûr ?
Are you serious? = Tu es sérieux ? | Tu es sérieuse ? | Sérieusement ?
Is that all? = C'est tout ?
Is it true? = C'est vrai ? | Est-ce vrai ?
Is everything okay? = Tout va bien ?
Is anybody here? = Il y a quelqu'un ? | Y a-t-il quelqu'un ?
Do you like it? = Ça te plaît ? | Ça vous plaît ? | Tu aimes ?
Did you understand? = Tu as compris ? | Vous avez compris ? | As-tu compris ?
Who won? = Qui a gagné ?
Who did this? = Qui a fait ça ?
Who's next? = À qui le tour ? | Qui est le suivant ?
Which one do you want? = Lequel veux-tu ? | Laquelle voulez-vous ?
How far is it? = C'est à quelle distance ?
How do you know? = Comment le sais-tu ? | Comment le savez-vous ?
What's new? = Quoi de neuf ?
What's the problem? = Quel est le problème ?
What's the matter? = Qu'est-ce qui se passe ? | Qu'est-ce qu'il y a ?
What's your job? = Quel est ton métier ? | Quel est votre métier ?
What's your phone number? = Quel est ton numéro de téléphone ? | Quel est votre numéro de téléphone ?
What's your address? = Quelle est ton adresse ? | Quelle est votre adresse ?
What's your favorite color? = Quelle est ta couleur préférée ? | Quelle est votre couleur préférée ?
What are you reading? = Qu'est-ce que tu lis ? | Que lisez-vous ?
What are you eating? = Qu'est-ce que tu manges ? | Que mangez-vous ?
Where were you? = Où étais-tu ? | Où étiez-vous ?
When are you leaving? = Quand pars-tu ? | Quand partez-vous ?
What did you say? = Qu'as-tu dit ? | Qu'avez-vous dit ? | Qu'est-ce que tu as dit ?
What did you buy? = Qu'as-tu acheté ? | Qu'est-ce que vous avez acheté ?
Shall we go? = On y va ? | Nous y allons ?
Ready? = Prêt ? | Prête ? | Prêts ?
Seriously? = Sérieusement ?
What languages do you speak? = Quelles langues parles-tu ? | Quelles langues parlez-vous ?
Where does it hurt? = Où as-tu mal ? | Où avez-vous mal ?
Can you hear me? = Tu m'entends ? | Vous m'entendez ? | M'entends-tu ?
Are you coming? = Tu viens ? | Vous venez ?
Do you need anything? = As-tu besoin de quelque chose ? | Avez-vous besoin de quelque chose ?
""",
    "casa": """
I'm going to bed. = Je vais me coucher. | Je vais au lit.
I'm going home. = Je rentre à la maison. | Je rentre chez moi.
I'm home! = Je suis rentré ! | Je suis rentrée ! | C'est moi !
I'm coming! = J'arrive !
I'm here. = Je suis là. | Je suis ici.
I'm back. = Je suis de retour.
I have to go. = Je dois partir. | Il faut que j'y aille.
I woke up late. = Je me suis réveillé tard. | Je me suis réveillée tard.
I took a shower. = J'ai pris une douche.
I'm taking a bath. = Je prends un bain.
I brush my teeth. = Je me brosse les dents.
Wash your hands. = Lave-toi les mains. | Lavez-vous les mains.
Set the table. = Mets la table. | Mettez la table.
Do the dishes. = Fais la vaisselle. | Faites la vaisselle.
I'm cleaning my room. = Je range ma chambre. | Je nettoie ma chambre.
Make your bed. = Fais ton lit.
Take out the trash. = Sors la poubelle. | Sortez les poubelles.
The house is clean. = La maison est propre.
Someone's at the door. = Quelqu'un est à la porte. | Il y a quelqu'un à la porte.
The phone is ringing. = Le téléphone sonne.
Answer the phone. = Réponds au téléphone. | Répondez au téléphone.
My phone is dead. = Mon téléphone n'a plus de batterie.
The TV is on. = La télé est allumée.
The light is off. = La lumière est éteinte.
I'm watching TV. = Je regarde la télé. | Je regarde la télévision.
I go to bed early. = Je me couche tôt.
I get up early. = Je me lève tôt.
I work from home. = Je travaille de chez moi. | Je travaille à la maison.
I walk to work. = Je vais au travail à pied.
The dog wants to go out. = Le chien veut sortir.
Feed the cat. = Donne à manger au chat. | Nourris le chat.
Water the plants. = Arrose les plantes. | Arrosez les plantes.
The garden is beautiful. = Le jardin est magnifique.
The door is locked. = La porte est fermée à clé.
Turn on the heating. = Allume le chauffage. | Allumez le chauffage.
""",
    "animales_y_ocio": """
Dogs bark. = Les chiens aboient.
Birds sing. = Les oiseaux chantent.
The bird is singing. = L'oiseau chante.
The horse is running. = Le cheval court.
The cat is sleeping on the sofa. = Le chat dort sur le canapé.
My dog is very smart. = Mon chien est très intelligent.
Who's winning? = Qui gagne ?
We won! = Nous avons gagné ! | On a gagné !
We lost. = Nous avons perdu. | On a perdu.
It's a tie. = Match nul. | C'est un match nul.
What's the score? = Quel est le score ?
The game starts soon. = Le match commence bientôt.
I collect stamps. = Je collectionne les timbres.
Music is my passion. = La musique est ma passion.
I go swimming every week. = Je vais nager toutes les semaines. | Je nage chaque semaine.
I run every morning. = Je cours tous les matins.
Let's play cards. = Jouons aux cartes.
""",
}


def cargar_frases_a_mano() -> list[tuple[str, str, str]]:
    """Lee FRASES_A_MANO y devuelve (tema, inglés, francés) con la tipografía francesa aplicada."""
    salida = []
    for tema, bloque in FRASES_A_MANO.items():
        for linea in bloque.strip().splitlines():
            en, _, resto = linea.partition(" = ")
            if not resto:
                raise SystemExit(f"Error en las frases escritas a mano ({tema}): falta « = » en {linea!r}")
            for fr in resto.split(" | "):
                salida.append((tema, en.strip(), tipografia_fr(fr.strip())))
    return salida


# =========================================================================================
# 10. Ensamblado: marcos, muestreo, orden
# =========================================================================================
def _marcos() -> list[tuple[str, Callable[[random.Random], Pares]]]:
    """Todos los marcos, con un nombre estable para el resumen."""
    m: list[tuple[str, Callable[[random.Random], Pares]]] = []
    for modo in ("af", "neg", "preg"):
        m.append((f"ser_adjetivo_{modo}", marco_ser_adjetivo(modo)))
        m.append((f"avoir_expresion_{modo}", marco_avoir(modo)))
        m.append((f"miedo_{modo}", marco_miedo(modo)))
        m.append((f"llamarse_{modo}", marco_llamarse(modo)))
        m.append((f"necesitar_{modo}", marco_necesitar(modo)))
        m.append((f"querer_{modo}", marco_querer(modo)))
        m.append((f"gusto_infinitivo_{modo}", marco_gusto_infinitivo(modo)))
        m.append((f"nacionalidad_{modo}", marco_nacionalidad(modo)))
        m.append((f"es_de_{modo}", marco_es_de(modo)))
        m.append((f"cosa_adjetivo_{modo}", marco_cosa_adjetivo(modo)))
        for modal in ("vouloir", "pouvoir", "devoir", "savoir"):
            m.append((f"modal_{modal}_{modo}", marco_modal(modal, modo)))
    m += [("edad_af", marco_edad("af")), ("edad_preg", marco_edad("preg")), ("nombre_propio", marco_nombre)]
    for modo in ("posesivo", "de", "pareja"):
        m.append((f"relacion_{modo}", marco_relacion(modo)))
    for modo in ("pres", "pas", "fut", "neg", "preg"):
        m.append((f"personas_{modo}", marco_personas(modo)))
    for modo in ("prog", "habito", "neg", "pas", "fut", "preg"):
        m.append((f"intransitivo_{modo}", marco_intransitivo(modo)))
    for modo in ("pres", "habito", "pas", "neg", "fut", "preg"):
        m.append((f"objeto_{modo}", marco_objeto(modo)))
    for modo in ("af", "neg", "preg", "cuantos", "mucho"):
        m.append((f"tener_{modo}", marco_tener(modo)))
    for modo in ("af", "neg", "preg", "pref", "prefpreg"):
        m.append((f"gustos_{modo}", marco_gustos(modo)))
    for modo in ("af", "neg", "ya", "preg"):
        m.append((f"pasado_movimiento_{modo}", marco_pasado_movimiento(modo)))
    m.append(("passe_recent", marco_reciente))
    for modo in ("af", "neg", "cuantos", "preg"):
        m.append((f"hay_{modo}", marco_hay(modo)))
    m += [("hora_es", marco_hora_es), ("hora_evento_af", marco_hora_evento("af")),
          ("hora_evento_preg", marco_hora_evento("preg"))]
    for modo in ("pres", "pas", "preg"):
        m.append((f"rutina_{modo}", marco_rutina(modo)))
    m += [("dia", marco_dia), ("mes", marco_mes), ("fecha", marco_fecha)]
    for modo in ("af", "neg", "pas", "nous", "preg"):
        m.append((f"ir_lugar_{modo}", marco_ir_lugar(modo)))
    for modo in ("af", "neg", "pas", "preg"):
        m.append((f"estar_lugar_{modo}", marco_estar_lugar(modo)))
    m.append(("edificios", marco_edificios))
    for modo in ("af", "neg", "pas", "desde", "preg"):
        m.append((f"vivir_{modo}", marco_vivir(modo)))
    for modo in ("af", "pas", "nunca", "preg"):
        m.append((f"viajar_{modo}", marco_viajar(modo)))
    m += [("procedencia", marco_procedencia), ("geografia", marco_geografia), ("visitar", marco_visitar)]
    for modo in ("adj", "af", "neg", "aprender", "preg"):
        m.append((f"idioma_{modo}", marco_idioma(modo)))
    for modo in ("af", "neg", "querer", "preg"):
        m.append((f"profesion_{modo}", marco_profesion(modo)))
    m += [("donde_objeto", marco_donde_objeto), ("atributivo", marco_atributivo),
          ("comparativo_persona", marco_comparativo_persona), ("comparativo_cosa", marco_comparativo_cosa),
          ("comparativo_verbo", marco_comparativo_verbo), ("superlativo", marco_superlativo)]
    for modo in ("af", "neg", "nous"):
        m.append((f"imperativo_{modo}", marco_imperativo(modo)))
    for modo in ("af", "pron", "hay", "preg", "poner"):
        m.append((f"ubicacion_{modo}", marco_ubicacion(modo)))
    for modo in ("af", "neg", "pas", "desde", "preg"):
        m.append((f"aficion_{modo}", marco_aficion(modo)))
    m += [("aritmetica", marco_aritmetica), ("precio", marco_precio), ("duracion", marco_duracion),
          ("rasgos", marco_rasgos), ("dolor", marco_dolor), ("clima", marco_clima), ("saber", marco_saber)]
    return m


@dataclass(frozen=True)
class Grupo:
    """Una frase inglesa con sus traducciones, y el marco (o tema) del que sale."""

    marco: str
    en: str
    frs: tuple[str, ...]


def _cabe(en: str, fr: str) -> bool:
    return len(en) <= LARGO_MAX_EN and len(fr) <= LARGO_MAX_FR


def ejecutar_marco(nombre: str, fabrica: Callable[[random.Random], Pares], rng: random.Random) -> list[Grupo]:
    """Llama al marco hasta reunir TOPE_MARCO pares distintos (o agotar los intentos)."""
    grupos: dict[str, list[str]] = {}
    total, intentos = 0, 0
    while total < TOPE_MARCO and intentos < TOPE_MARCO * 25:
        intentos += 1
        for en, fr in fabrica(rng):
            if not _cabe(en, fr):
                continue
            lista = grupos.setdefault(en, [])
            if fr not in lista:
                lista.append(fr)
                if len(lista) <= MAX_VARIANTES:
                    total += 1
    salida = []
    for en, frs in grupos.items():
        if len(frs) > MAX_VARIANTES:
            elegidas = set(rng.sample(range(len(frs)), MAX_VARIANTES))
            frs = [f for i, f in enumerate(frs) if i in elegidas]
        salida.append(Grupo(nombre, en, tuple(frs)))
    return salida


def generar() -> tuple[list[tuple[str, str]], dict[tuple[str, str], str]]:
    """Genera el corpus completo: devuelve los pares ordenados y el marco de cada par."""
    rng = random.Random(SEMILLA)
    origen: dict[tuple[str, str], str] = {}
    # 1) Frases escritas a mano: entran todas.
    for tema, en, fr in cargar_frases_a_mano():
        origen.setdefault((en, fr), f"a_mano:{tema}")
    # 2) Marcos: cada uno aporta hasta TOPE_MARCO pares; luego se muestrea al objetivo.
    candidatos: list[Grupo] = []
    for nombre, fabrica in _marcos():
        candidatos += ejecutar_marco(nombre, fabrica, rng)
    rng.shuffle(candidatos)
    for grupo in candidatos:
        nuevos = [fr for fr in grupo.frs if (grupo.en, fr) not in origen]
        for fr in nuevos:
            if len(origen) >= OBJETIVO:
                break
            origen[(grupo.en, fr)] = grupo.marco
        if len(origen) >= OBJETIVO:
            break
    pares = sorted(origen, key=lambda p: (len(p[0]), p[0], p[1]))
    return pares, origen


def componer_texto(pares: list[tuple[str, str]]) -> str:
    """Las líneas del archivo: inglés, francés y atribución separados por tabuladores."""
    return "".join(f"{en}\t{fr}\t{ATRIBUCION}\n" for en, fr in pares)


# =========================================================================================
# 11. Autocomprobación (se ejecuta siempre antes de escribir o comparar)
# =========================================================================================
_ELIDIBLES_CHEQUEO = ("je", "me", "te", "se", "le", "la", "de", "ne", "que", "ce", "ma", "ta", "sa")
_RE_PALABRA_CORTA = re.compile(r"(?:(?<=\s)|^)(" + "|".join(_ELIDIBLES_CHEQUEO) + r") (\S+)", re.IGNORECASE)
_RE_CONTRACCION = re.compile(r"(?:(?<=\s)|^)(à|de) (le|les) ", re.IGNORECASE)
_RE_DETERMINANTES_DOBLES = re.compile(r"\bde (des|du|de)\b|\b(le|la|les) (le|la|les)\b", re.IGNORECASE)
_RE_SI_IL = re.compile(r"(?:(?<=\s)|^)si ils?\b", re.IGNORECASE)
_RE_BEL = re.compile(r"\b(?:un|le|ce|mon|ton|son|notre|votre|leur|du|au) (beau|nouveau) (\S+)", re.IGNORECASE)
_RE_SIN_T = re.compile(r"[aeAE]-(il|elle|on)\b")  # «a-il» debería ser «a-t-il»
_RE_T_DE_MAS = re.compile(r"[^aeAE]-t-(il|elle|on)\b")  # «prend-t-il»: sobra la -t-
_RE_NEGACION = re.compile(r"(?:(?<=\s)|^)(?:ne(?=\s)|n'(?!importe))", re.IGNORECASE)
_RE_SEGUNDO_NEG = re.compile(r"\b(pas|jamais|rien|plus|personne|que|qu'|aucun|aucune)\b")
_RE_PAS = re.compile(r"\bpas\b", re.IGNORECASE)
_RE_A_AN = re.compile(r"\b[Aa] ([aeiouAEIOU]\w*)")
_RE_AN_A = re.compile(r"\b[Aa]n ([b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z]\w*)")
_LETRAS_ACENTUADAS = "éèêàâçôîûùëïœÉÈÊÀÂÇÔÎÛÙËÏŒ"


def verificar(pares: list[tuple[str, str]], origen: dict[tuple[str, str], str]) -> None:
    """Comprueba tipografía, elisiones, contracciones, negación, duplicados y cifras.

    Si algo falla, termina con un mensaje en español que enumera los problemas.
    """
    errores: list[str] = []

    def error(motivo: str, en: str, fr: str) -> None:
        errores.append(f"{motivo}: {en!r} → {fr!r}")

    vistos: set[tuple[str, str]] = set()
    for en, fr in pares:
        if (en, fr) in vistos:
            error("par duplicado", en, fr)
        vistos.add((en, fr))
        for texto in (en, fr):
            if not texto or texto != texto.strip():
                error("campo vacío o con espacios en los extremos", en, fr)
            if "\t" in texto or "\n" in texto or "\r" in texto:
                error("tabulador o salto de línea dentro de un campo", en, fr)
            if "  " in texto:
                error("doble espacio", en, fr)
            if "\u2019" in texto or "\u00a0" in texto or '"' in texto:
                error("apóstrofo curvo, espacio duro U+00A0 o comillas", en, fr)
            if not texto[:1].isupper():
                error("no empieza por mayúscula", en, fr)
        # Inglés
        if NNBSP in en or re.search(r"\s[!?;:.,]", en):
            error("espacio antes de un signo en inglés", en, fr)
        if en[-1] not in ".!?":
            error("la frase inglesa no termina en . ! ?", en, fr)
        for m in _RE_A_AN.finditer(en):
            if not m.group(1).lower().startswith(_SONIDO_CONSONANTE):
                error("«a» ante vocal en inglés (debería ser «an»)", en, fr)
        for m in _RE_AN_A.finditer(en):
            if not m.group(1).lower().startswith(_SONIDO_VOCAL):
                error("«an» ante consonante en inglés", en, fr)
        # Francés: tipografía
        for i, c in enumerate(fr):
            if c in "!?;:":
                if i == 0 or fr[i - 1] != NNBSP:
                    error(f"falta el espacio fino U+202F antes de «{c}»", en, fr)
            if c == NNBSP and (i + 1 >= len(fr) or fr[i + 1] not in "!?;:"):
                error("U+202F fuera de su sitio", en, fr)
        if re.search(r" [!?;:]", fr):
            error("espacio normal antes de ! ? ; :", en, fr)
        if re.search(r"\s[.,]", fr):
            error("espacio antes de . o ,", en, fr)
        if not (fr.endswith(".") or fr.endswith(NNBSP + "!") or fr.endswith(NNBSP + "?")):
            error("la frase francesa no termina en . ! ?", en, fr)
        # Francés: elisiones y contracciones
        for m in _RE_PALABRA_CORTA.finditer(fr):
            corta, siguiente = m.group(1).lower(), m.group(2)
            if corta == "ce" and _nucleo(siguiente) not in {"est", "était"} and not admite_elision(siguiente):
                continue
            if admite_elision(siguiente):
                error(f"falta elisión: «{m.group(0)}»", en, fr)
        for m in _RE_BEL.finditer(fr):
            if admite_elision(m.group(2)):
                error(f"debería ser bel/nouvel: «{m.group(0)}»", en, fr)
        if _RE_DETERMINANTES_DOBLES.search(fr):
            error("determinantes repetidos («de des», «de du», «le la»...)", en, fr)
        if _RE_CONTRACCION.search(fr):
            error("falta contracción (au, aux, du, des)", en, fr)
        if _RE_SI_IL.search(fr):
            error("«si il» debería ser «s'il»", en, fr)
        if _RE_SIN_T.search(fr):
            error("falta la -t- de la inversión", en, fr)
        if _RE_T_DE_MAS.search(fr):
            error("sobra la -t- de la inversión", en, fr)
        # Francés: negación completa
        for m in _RE_NEGACION.finditer(fr):
            if not _RE_SEGUNDO_NEG.search(fr[m.end():]) and not re.match(r"(Personne|Rien) ", fr):
                error("negación incompleta (ne sin pas/jamais/rien...)", en, fr)
        if _RE_PAS.search(fr) and not _RE_NEGACION.search(fr):
            if not (fr.startswith("Pas ") or "pourquoi pas" in fr.lower()):
                error("«pas» sin «ne»", en, fr)
        if not _cabe(en, fr):
            error(f"demasiado larga (máx. {LARGO_MAX_EN} y {LARGO_MAX_FR} caracteres)", en, fr)
    # Cifras
    if len(pares) < MINIMO_PARES:
        errores.append(f"solo hay {len(pares)} pares; hacen falta al menos {MINIMO_PARES}")
    a_mano = sum(1 for p in pares if origen[p].startswith("a_mano:"))
    if a_mano < 400:
        errores.append(f"solo hay {a_mano} pares escritos a mano; hacen falta al menos 400")
    cuenta = Counter(origen[p] for p in pares)
    for marco, n in cuenta.items():
        if n > FRACCION_MAXIMA_MARCO * len(pares):
            errores.append(f"el marco {marco!r} tiene {n} pares (más del {FRACCION_MAXIMA_MARCO:.0%} del corpus)")
    if pares != sorted(pares, key=lambda p: (len(p[0]), p[0], p[1])):
        errores.append("los pares no están ordenados por longitud de la frase inglesa")
    if errores:
        lista = "\n  - ".join(errores[:40])
        mas = f"\n  ... y {len(errores) - 40} más" if len(errores) > 40 else ""
        raise SystemExit(f"La autocomprobación del corpus ha fallado ({len(errores)} problemas):\n  - {lista}{mas}")


# =========================================================================================
# 12. Resumen
# =========================================================================================
def _juego(textos: list[str]) -> str:
    caracteres = sorted(set("".join(textos)))
    return "".join("·" if c == " " else ("⍽" if c == NNBSP else c) for c in caracteres)


def resumen(pares: list[tuple[str, str]], origen: dict[tuple[str, str], str]) -> str:
    """Texto con las cifras del corpus (las que se copian en datos/README.md)."""
    ens = [en for en, _ in pares]
    frs = [fr for _, fr in pares]
    cuenta = Counter(origen[p] for p in pares)
    plantillas = {m: n for m, n in cuenta.items() if not m.startswith("a_mano:")}
    temas = {m: n for m, n in cuenta.items() if m.startswith("a_mano:")}
    familias = {m.rsplit("_", 1)[0] if m.rsplit("_", 1)[-1] in {"af", "neg", "preg", "pres", "pas", "fut",
                                                                   "prog", "habito", "cuantos", "mucho"} else m
                for m in plantillas}
    marco_max, n_max = max(cuenta.items(), key=lambda kv: (kv[1], kv[0]))
    largos_en = sorted(len(e) for e in ens)
    largos_fr = sorted(len(f) for f in frs)

    def stats(xs: list[int]) -> str:
        return (f"mín. {xs[0]}, mediana {xs[len(xs) // 2]}, media {sum(xs) / len(xs):.1f}, máx. {xs[-1]}")

    con_nnbsp = sum(1 for f in frs if NNBSP in f)
    letras = Counter(c for f in frs for c in f if c in _LETRAS_ACENTUADAS)
    detalle_letras = ", ".join(f"{c} {n}" for c, n in sorted(letras.items(), key=lambda kv: (-kv[1], kv[0])))
    con_acento = sum(1 for f in frs if any(c in _LETRAS_ACENTUADAS for c in f))
    en_3_30 = sum(1 for x in largos_en if 3 <= x <= 30)
    variantes = Counter(ens)
    juego_en, juego_fr = _juego(ens), _juego(frs)
    lineas = [
        f"Pares: {len(pares)}",
        f"Frases inglesas distintas: {len(variantes)}"
        f" ({sum(1 for v in variantes.values() if v > 1)} con más de una traducción)",
        f"Frases francesas distintas: {len(set(frs))}",
        f"Pares escritos a mano: {sum(temas.values())} (en {len(temas)} temas)",
        f"Pares generados con plantillas: {sum(plantillas.values())}"
        f" (de {len(plantillas)} marcos distintos, {len(familias)} familias)",
        f"Marco más frecuente: {marco_max} con {n_max} pares ({n_max / len(pares):.1%})",
        f"Longitud inglés (caracteres): {stats(largos_en)}; entre 3 y 30: {en_3_30 / len(pares):.1%}",
        f"Longitud francés (caracteres): {stats(largos_fr)}",
        f"Líneas con U+202F: {con_nnbsp} ({con_nnbsp / len(pares):.1%})",
        f"Líneas francesas con letras acentuadas: {con_acento} ({con_acento / len(pares):.1%})",
        f"  {detalle_letras}",
        f"Caracteres ingleses: {len(set(''.join(ens)))}",
        f"  {juego_en}",
        f"Caracteres franceses: {len(set(''.join(frs)))}",
        f"  {juego_fr}",
        "  (· = espacio, ⍽ = U+202F)",
        f"Léxico: {len({(v.pron, v.inf) for v in VERBOS.values()})} verbos, {len(SUSTANTIVOS)} sustantivos, "
        f"{len(ADJ_PERSONA) + len(ADJ_COSA) + len(COLORES)} adjetivos, {len(NOMBRES_PROPIOS)} nombres propios",
    ]
    return "\n".join(lineas)


# =========================================================================================
# 13. Programa
# =========================================================================================
def construir() -> tuple[str, list[tuple[str, str]], dict[tuple[str, str], str]]:
    """Genera, comprueba y devuelve el texto del archivo (idéntico en cada ejecución)."""
    pares, origen = generar()
    verificar(pares, origen)
    return componer_texto(pares), pares, origen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Genera datos/fra-eng-curso.txt, el corpus inglés–francés escrito para el curso.")
    parser.add_argument("--comprobar", action="store_true",
                        help="regenera el corpus en memoria y falla si difiere del archivo guardado")
    parser.add_argument("--muestra", type=int, metavar="N", default=0,
                        help="muestra N líneas al azar (con repr, para ver el U+202F)")
    args = parser.parse_args(argv)
    texto, pares, origen = construir()
    datos = texto.encode("utf-8")
    if args.comprobar:
        if not RUTA_SALIDA.exists():
            print(f"✗ No existe {RUTA_SALIDA.name}. Genéralo con: python datos/generar_corpus.py",
                  file=sys.stderr)
            return 1
        if RUTA_SALIDA.read_bytes() != datos:
            print(f"✗ {RUTA_SALIDA.name} no coincide con lo que genera este script. "
                  "Vuelve a generarlo con: python datos/generar_corpus.py", file=sys.stderr)
            return 1
        print(f"✓ {RUTA_SALIDA.name} coincide byte a byte con lo que genera el script ({len(pares)} pares).")
        return 0
    RUTA_SALIDA.write_bytes(datos)
    print(f"Escrito {RUTA_SALIDA.name} ({len(datos)} bytes).")
    print(resumen(pares, origen))
    if args.muestra:
        print(f"\nMuestra de {args.muestra} líneas:")
        for en, fr in random.Random(SEMILLA).sample(pares, args.muestra):
            print(f"  {en!r} → {fr!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
