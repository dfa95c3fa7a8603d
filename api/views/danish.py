"""The pages' wording. DANISH is keyed by the English text the English page shows (so the English
stays readable where it is used); texts chosen by a code (`gap type role`, `action ...`) have
their English wording in ENGLISH. The report's words are quoted as the report has them.

Place-holders in braces are filled in by `lang.t`; names in them are already in the page's
language (the ontology's `name_da`, the models' Danish names)."""

from __future__ import annotations

# The report (Cluster Excellence Denmark, 2021), "7 forslag til styrket internationalisering".
PROPOSAL_1 = (
    "»De fire modeller kan bruges som inspiration i forbindelse med den løbende opdatering af "
    "klyngens strategi, eller modellerne kan give inspiration til at styrke de måder, hvorpå "
    "klyngen allerede arbejder med internationalisering.« (forslag 1)"
)
PROPOSAL_3 = (
    "»Etablering af dansk internationaliseringsnetværk for at styrke kendskabet til respektive "
    "internationaliseringsydelser, danne relationer på tværs og skabe mulighed for styrket "
    "samarbejde på tværs af de forskellige aktører, der arbejder med det internationale.« "
    "(forslag 3)"
)
PROPOSAL_5 = (
    "»Der mangler klare og konkrete mål bl.a. i forhold til, hvad er visionen, hvilke aktiviteter "
    "skal prioriteres, hvilke markeder er de væsentlige osv.« (forslag 5)"
)

# spelled: the filters' headings, English words that are also node labels
FILTER_HEADINGS = {"Model": "Model", "Market": "Marked"}

ENGLISH: dict[str, str] = {
    "sought test-partner": "a test partner",
    "sought market-entry": "market entry",
    "sought investment": "an investment",
    "sought research-collaboration": "a research collaboration",
    "sought delegation": "a delegation",
    "lead routed": "routed, no answer yet",
    "lead accepted": "accepted",
    "lead declined": "declined",
    "lead engagement-started": "engagement started",
    "lead result": "result",
    "lead successful": "successful",
    "lead unsuccessful": "unsuccessful",
    "leads intro": "{total} leads found abroad by the innovation centres, the Trade Council, "
    "Invest in Denmark and EEN, and the Danish cluster each was handed to as its landing base "
    "(the report's proposal 2). partnergraph route LEAD ranks the clusters for a lead, with the "
    "reasons.",
    "leads note": "* illustrative: made up to show the page, not sourced.",
    "gap type role": "missing partner role",
    "gap type formality": "no formal agreement",
    "gap type coverage": "market coverage",
    "gap type fragility": "fragile partnership",
    "gap type network": "network",
    "severity high": "high",
    "severity medium": "medium",
    "severity low": "low",
    "purpose innovation": "Innovation-driven",
    "purpose market": "Market-driven",
    "action missing-required-role": (
        "Bring in a partner as «{role}» in {market} for {model}: {whom}"
    ),
    "action missing-required-role without candidates": (
        "Find a partner as «{role}» in {market} for {model}: none is in the graph yet"
    ),
    "action not-recorded": "Record who takes part in «{subject}» ({model})",
    "action no-valid-agreement": "Formalise the collaboration with {whom} in {market}",
    "action agreement-status-unknown": "Find out whether «{subject}» is still in force",
    "action agreement-expired": "Renew or replace the agreement «{subject}»",
    "action agreement-expiring": "Plan the renewal of «{subject}» now",
    "action no-icdk-in-market": (
        "Turn to the Trade Council or the EEN in {market} (no ICDK there): {whom}"
    ),
    "action no-icdk-in-market without candidates": (
        "No ICDK in {market}: look for another support organisation there"
    ),
    "action landing-base": "Become the landing base of {subject}: start a partnership",
    "action single-contact": "Add more contact persons to the partnership with {subject}",
    "action ad-hoc-funding": "Secure lasting funding for the partnership with {subject}",
    "action isolated-cluster": "Start working with another Danish cluster",
    "action single-broker": "Build direct ties to the clusters you only share {subject} with",
    "action underused-actor": "Tell the clusters what «{role}» offers",
    "cluster subtitle": (
        "{name}: partners, agreements and engagements. Dashed orange circles are gaps: partners "
        "a model needs that the cluster does not have, linked to the recommended candidates."
    ),
    "inactive cluster note": (
        "This cluster is {status}: it is shown for its history, and the gap analysis leaves it out."
    ),
    "ecosystem subtitle": (
        "{actors} actors and {links} links, grouped by type. Hover a shape or a line for its facts "
        "and their source; scroll to zoom, drag to move."
    ),
    "model subtitle": (
        "{name}: {engagements} engagements and the {actors} actors and markets taking part. "
        "Hover an orange line for the role an actor plays."
    ),
    "market subtitle": (
        "{name}: the Danish actors present there and the clusters that reach it ({count}: "
        "{clusters})."
    ),
    "portfolio intro": (
        "Each engagement and agreement of the cluster in the square of its model, as the report "
        "draws the four models: short to long term and simple to complex partnership across, "
        "innovation- to market-driven down; the arrow is the next step the report's logic "
        "supports. " + PROPOSAL_1
    ),
    "board intro": (
        "For the InternationaliseringsBoard (the report's proposal 6): where each cluster's "
        "international partnerships fall short, what would close the gaps, where the clusters "
        "work abroad and who supports them there. Made on {day} from sourced facts and a marked "
        "illustrative layer; every page works offline."
    ),
    "board as of": (
        "The graph as it was loaded by the end of {day}, and judged on that day: agreements in "
        "force then, gaps as they stood then."
    ),
    "confidence reported": "reported",
    "confidence public-source": "public-source",
    "confidence inferred": "inferred",
    "confidence illustrative": "illustrative",
    "confidence synthetic": "synthetic",
    "changes intro": (
        "What the loads changed in the graph after {day}: partnerships and agreements begun, "
        "altered or ended, engagements and clusters new, changed or gone, per cluster. Each line "
        "gives the day the change was loaded, the source that states it and its confidence."
    ),
    "changes empty": (
        "Nothing to report since {day}: no partnership, agreement, engagement or cluster was "
        "added, altered or ended in the graph."
    ),
    "board note": (
        "{views} views. A gap is something a model needs that a cluster lacks; each cluster's "
        "page lists all of them with a suggested action. Facts marked * are illustrative, not "
        "sourced."
    ),
    "coverage intro": (
        "Per market: the clusters that work there (●: an engagement or agreement aimed at it) or "
        "have declared it a target market (○), and the Danish support present: Innovation Centre "
        "Denmark, the Trade Council's representations and Enterprise Europe Network partners."
    ),
    "coverage legend": (
        "● work aimed at the market, ○ declared target market only. Markets marked * rest on "
        "illustrative facts only. Rows: the markets a cluster reaches and those with an ICDK."
    ),
    "flag unsupported": "clusters, but no ICDK, Trade Council or EEN",
    "flag unused": "an ICDK, but no cluster",
    "offers note": (
        "As far as the data says: the types that fill each role come from the ontology, the "
        "counts from the graph (partnerships and engagement roles recorded). Models by number."
    ),
    "proposal 3 quote": PROPOSAL_3,
    "proposal 5 quote": PROPOSAL_5,
    "source report": (
        "the report Modeller for styrket internationalisering (Cluster Excellence Denmark, 2021)"
    ),
    "merged": "merged",
    "bankrupt": "bankrupt",
    "closed": "closed",
    "unknown": "status unknown",
}

DANISH: dict[str, str] = {
    # The report's survey questions, as the survey workbooks ask them (data/denmark/survey.yaml
    # holds them in English; the report's own question texts are garbled in the extraction).
    "Which partners does the cluster organisation work with on internationalisation?": (
        "Hvilke samarbejdspartnere arbejder klyngeorganisationen sammen med om "
        "internationalisering?"
    ),
    "What are the cluster organisation's primary international activities?": (
        "Hvad er klyngeorganisationens primære internationale aktiviteter?"
    ),
    "How is internationalisation anchored and organised in the cluster organisation?": (
        "Hvordan er internationalisering forankret og organiseret i klyngeorganisationen?"
    ),
    "How are the cluster organisation's international activities funded?": (
        "Hvordan finansieres klyngeorganisationens internationale aktiviteter?"
    ),
    "Do the clusters have strategic cooperation with the innovation centres?": (
        "Har klyngen et strategisk samarbejde med innovationscentrene?"
    ),
    "Which barriers do the clusters meet in working with the innovation centres?": (
        "Hvilke barrierer møder klyngen i samarbejdet med innovationscentrene?"
    ),
    "sought test-partner": "en testpartner",
    "sought market-entry": "markedsadgang",
    "sought investment": "en investering",
    "sought research-collaboration": "et forskningssamarbejde",
    "sought delegation": "en delegation",
    "lead routed": "sendt videre, intet svar endnu",
    "lead accepted": "accepteret",
    "lead declined": "afvist",
    "lead engagement-started": "indsats startet",
    "lead result": "resultat",
    "lead successful": "lykkedes",
    "lead unsuccessful": "lykkedes ikke",
    "leads intro": "{total} leads fundet i udlandet af innovationscentrene, Trade Council, "
    "Invest in Denmark og EEN, og den danske klynge, hvert lead er sendt videre til som "
    "landingsbase "
    "(rapportens forslag 2). partnergraph route LEAD rangerer klyngerne for et lead med "
    "begrundelser.",
    "leads note": "* illustrativt: opfundet for at vise siden, ikke fra en kilde.",
    "Leads from abroad and their landing bases": "Leads fra udlandet og deres landingsbaser",
    "Back to the overview": "Tilbage til overblikket",
    "By who found them": "Efter hvem der fandt dem",
    "By market": "Efter marked",
    "Routed or not, and what became of them": "Sendt videre eller ej, og hvad der kom ud af dem",
    "Every lead": "Alle leads",
    "Sector or technology, in the finder's words": "Sektor eller teknologi, med finderens ord",
    "Seeks": "Søger",
    "Found": "Fundet",
    "Found by": "Fundet af",
    "Routed to": "Sendt videre til",
    "Outcome": "Udfald",
    "not routed": "ikke sendt videre",
    "Leads from abroad: clusters as landing bases": (
        "Leads fra udlandet: klyngerne som landingsbaser"
    ),
    "Where": "Hvor",
    # Codes
    "gap type role": "manglende partnerrolle",
    "gap type formality": "ingen formel aftale",
    "gap type coverage": "markedsdækning",
    "gap type fragility": "sårbart partnerskab",
    "gap type network": "netværk",
    "severity high": "høj",
    "severity medium": "middel",
    "severity low": "lav",
    "purpose innovation": "Innovationsdrevet",
    "purpose market": "Markedsdrevet",
    "action missing-required-role": "Få en partner som »{role}« med i {market} til {model}: {whom}",
    "action missing-required-role without candidates": (
        "Find en partner som »{role}« i {market} til {model}: ingen findes i grafen endnu"
    ),
    "action not-recorded": "Registrér, hvem der deltager i »{subject}« ({model})",
    "action no-valid-agreement": "Formalisér samarbejdet med {whom} i {market}",
    "action agreement-status-unknown": "Afklar, om »{subject}« stadig gælder",
    "action agreement-expired": "Forny eller erstat aftalen »{subject}«",
    "action agreement-expiring": "Planlæg fornyelsen af »{subject}« nu",
    "action no-icdk-in-market": (
        "Gå til Trade Council eller EEN i {market} (intet ICDK dér): {whom}"
    ),
    "action no-icdk-in-market without candidates": (
        "Intet ICDK i {market}: find en anden supportorganisation dér"
    ),
    "action landing-base": "Bliv landingsbase for {subject}: indgå et partnerskab",
    "action single-contact": "Få flere kontaktpersoner på partnerskabet med {subject}",
    "action ad-hoc-funding": "Sikr varig finansiering af partnerskabet med {subject}",
    "action isolated-cluster": "Indgå et samarbejde med en anden dansk klynge",
    "action single-broker": "Knyt direkte bånd til de klynger, I kun deler {subject} med",
    "action underused-actor": "Fortæl klyngerne, hvad »{role}« tilbyder",
    "this support": "denne støtte",
    "cluster subtitle": (
        "{name}: partnere, aftaler og indsatser. Stiplede orange cirkler er mangler: partnere, "
        "som en model kræver, og som klyngen ikke har, forbundet med de anbefalede kandidater."
    ),
    "inactive cluster note": (
        "Klyngen er {status}: den vises for sin historik, og mangelanalysen udelader den."
    ),
    "ecosystem subtitle": (
        "{actors} aktører og {links} forbindelser, grupperet efter type. Hold musen over en figur "
        "eller en linje for dens fakta og kilde; rul for at zoome, træk for at flytte."
    ),
    "model subtitle": (
        "{name}: {engagements} indsatser og de {actors} aktører og markeder, der deltager. Hold "
        "musen over en orange linje for den rolle, en aktør spiller."
    ),
    "market subtitle": (
        "{name}: de danske aktører, der er til stede, og de klynger, der når markedet ({count}: "
        "{clusters})."
    ),
    "portfolio intro": (
        "Hver af klyngens indsatser og aftaler i sin models felt, sådan som rapporten tegner de "
        "fire modeller: kortsigtet til langsigtet og simpelt til komplekst partnerskab hen ad, "
        "innovationsdrevet til markedsdrevet ned ad; pilen er det næste skridt, rapportens "
        "logik peger på. " + PROPOSAL_1
    ),
    "board intro": (
        "Til InternationaliseringsBoardet (rapportens forslag 6): hvor hver klynges "
        "internationale partnerskaber kommer til kort, hvad der kan lukke manglerne, hvor "
        "klyngerne arbejder i udlandet, og hvem der støtter dem dér. Lavet {day} ud fra "
        "kildebelagte fakta og et markeret illustrativt lag; alle sider virker offline."
    ),
    "board note": (
        "{views} visninger. En mangel er noget, en model kræver, som en klynge ikke har; hver "
        "klynges side viser dem alle med et forslag til handling. Fakta markeret * er "
        "illustrative, ikke kildebelagte."
    ),
    "coverage intro": (
        "Pr. marked: de klynger, der arbejder dér (●: en indsats eller aftale rettet mod "
        "markedet) eller har erklæret det et målmarked (○), og den danske støtte, der er til "
        "stede: Innovation Centre Denmark, Trade Councils repræsentationer og Enterprise Europe "
        "Network-partnere."
    ),
    "coverage legend": (
        "● arbejde rettet mod markedet, ○ kun erklæret målmarked. Markeder markeret * bygger "
        "alene på illustrative fakta. Rækker: de markeder, en klynge når, og dem med et ICDK."
    ),
    "flag unsupported": "klynger, men intet ICDK, Trade Council eller EEN",
    "flag unused": "et ICDK, men ingen klynge",
    "offers note": (
        "Så vidt data rækker: hvilke typer der udfylder hver rolle, kommer fra ontologien, "
        "tallene fra grafen (registrerede partnerskaber og roller i indsatser). Modeller efter "
        "nummer."
    ),
    "proposal 3 quote": PROPOSAL_3,
    "proposal 5 quote": PROPOSAL_5,
    "source report": (
        "rapporten Modeller for styrket internationalisering (Cluster Excellence Denmark, 2021)"
    ),
    "merged": "fusioneret",
    "bankrupt": "gået konkurs",
    "closed": "lukket",
    "unknown": "status ukendt",
    # Page furniture
    "Board index": "Oversigten",
    "Legend": "Signaturforklaring",
    "Search": "Søg",
    "name, city, source": "navn, by, kilde",
    "Type": "Type",
    **FILTER_HEADINGS,
    "Confidence": "Sikkerhed",
    "all": "alle",
    "sourced facts only": "kun kildebelagte fakta",
    "illustrative only": "kun illustrative",
    "Show all": "Vis alle",
    "Showing {shown} of {total}": "Viser {shown} af {total}",
    "Click a shape to show it and its neighbours.": (
        "Klik på en figur for at se den og dens naboer."
    ),
    "Shapes marked * and faded lines are illustrative facts: plausible, consistent with the "
    "report's survey, but not sourced. Hover to see each fact's source.": (
        "Figurer markeret * og blege linjer er illustrative fakta: plausible og i tråd med "
        "rapportens survey, men ikke kildebelagte. Hold musen over for at se hvert fakta's kilde."
    ),
    "* and faded: illustrative, not a sourced fact.": "* og bleg: illustrativ, ikke kildebelagt.",
    "Hover a shape or a line for its name, type, city and source. Scroll to zoom, drag to move.": (
        "Hold musen over en figur eller linje for navn, type, by og kilde. Rul for at zoome, "
        "træk for at flytte."
    ),
    "Gaps and suggested actions": "Mangler og forslag til handling",
    "{count} gaps: {by_type}": "{count} mangler: {by_type}",
    "urgency": "hast",
    "gap": "mangel",
    "model": "model",
    "where": "hvor",
    "suggested action": "forslag til handling",
    "why": "begrundelse (analysens ordlyd)",
    "Portfolio on the report's two axes": "Porteføljen på rapportens to akser",
    "Short-term, simple partnership": "Kortsigtet · simpelt partnerskab",
    "Long-term, complex partnership": "Langsigtet · komplekst partnerskab",
    "nothing recorded": "intet registreret",
    "build on it: {model}": "byg videre: {model}",
    "if it succeeds: {model}": "hvis den lykkes: {model}",
    "keep it formalised in an agreement": "hold den formaliseret i en aftale",
    "not analysed: the cluster is {status}": "ikke analyseret: klyngen er {status}",
    "no gap found": "ingen mangel fundet",
    "the whole network": "hele netværket",
    "the market": "markedet",
    # Tooltips
    "Type: {type}": "Type: {type}",
    "City: {city}": "By: {city}",
    "Status: {status}": "Status: {status}",
    "Source: {source}": "Kilde: {source}",
    "Section: {section}": "Afsnit: {section}",
    "Confidence: {confidence}": "Sikkerhed: {confidence}",
    "not stated": "ikke oplyst",
    "reported": "fra rapporten",
    "public-source": "offentlig kilde",
    "inferred": "udledt",
    "ILLUSTRATIVE: not a sourced fact (marked * and drawn faded)": (
        "ILLUSTRATIV: ikke et kildebelagt faktum (markeret * og tegnet blegt)"
    ),
    "Kind": "Art",
    "Start": "Start",
    "End": "Slut",
    "Role": "Rolle",
    "informal": "uformel",
    "project": "projekt",
    "formal": "formel",
    "Undertakes this engagement": "Står bag denne indsats",
    "Member of the cluster": "Medlem af klyngen",
    "MEMBER OF": "medlem af",
    "PART OF": "del af",
    "ANCHORED IN": "forankret i",
    "{count} members": "{count} medlemmer",
    "{count} member organisations, counted, not drawn": (
        "{count} medlemsorganisationer, talt, ikke tegnet"
    ),
    "{count} memberships": "{count} medlemskaber",
    " under {model}": " under {model}",
    " in {market}": " i {market}",
    "missing: {role}": "mangler: {role}",
    "Missing partner: {role}": "Manglende partner: {role}",
    "Severity: {severity}": "Hast: {severity}",
    "Candidates: {names}": "Kandidater: {names}",
    "No candidate in the graph": "Ingen kandidat i grafen",
    " ({count} such gaps)": " ({count} mangler af den slags)",
    "Missing partners (gaps)": "Manglende partnere",
    "Recommended candidates": "Anbefalede kandidater",
    "{name} could fill: {role}": "{name} kan udfylde: {role}",
    "suggested by the gap analysis": "foreslået af mangelanalysen",
    "score {score}": "score {score}",
    "The partnership ecosystem": "Partnerskabernes økosystem",
    "Agreement status: {status}": "Aftalens status: {status}",
    "Valid until: {day}": "Gælder til: {day}",
    "active": "aktiv",
    "planned": "planlagt",
    "ended": "ophørt",
    "expired": "udløbet",
    "role not stated": "rolle ikke oplyst",
    "Role: {role}": "Rolle: {role}",
    "Declared target market under {model}": "Erklæret målmarked under {model}",
    "none": "ingen",
    # Edge styles (style.EDGE_STYLES) and type captions (style.NODE_LOOKS)
    "Informal partnership": "Uformelt partnerskab",
    "Project partnership": "Projektpartnerskab",
    "Formal agreement (MoU)": "Formel aftale (MoU)",
    "Planned agreement": "Planlagt aftale",
    "Expired or ended agreement": "Udløbet eller ophørt aftale",
    "Partnership, kind not stated": "Partnerskab, art ikke oplyst",
    "Member of / part of / anchored in": "Medlem af / del af / forankret i",
    "Takes part in an engagement (role on hover)": "Deltager i en indsats (rolle ved mus-over)",
    "Targets this market": "Har dette marked som mål",
    "Present or located here": "Til stede eller placeret her",
    "Under this model": "Under denne model",
    "Missing partner (a gap)": "Manglende partner (en mangel)",
    "Recommended candidate to fill it": "Anbefalet kandidat til at udfylde den",
    "Counted links (number on hover)": "Talte forbindelser (antal ved mus-over)",
    "Danish cluster organisation": "Dansk klyngeorganisation",
    "Innovation Centre Denmark": "Innovation Centre Denmark (ICDK)",
    "Erhvervshus (business hub)": "Erhvervshus",
    "Engagement (project, case)": "Indsats (projekt, case)",
    "Market (sector, value chain)": "Marked (sektor, værdikæde)",
    "Group counted, not drawn one by one": "Gruppe talt, ikke tegnet enkeltvis",
    "Other": "Andet",
    # Aggregation
    "This view holds {total} nodes, more than the {cap} a browser draws comfortably, so it "
    "shows {shown}: {steps}. Hover a yellow box for its count.": (
        "Visningen rummer {total} knuder, flere end de {cap}, en browser tegner let, så den viser "
        "{shown}: {steps}. Hold musen over en gul boks for dens antal."
    ),
    "{count} {caption} counted per cluster in {boxes} boxes": (
        "{count} {caption} talt pr. klynge i {boxes} bokse"
    ),
    "all {count} of '{group}' counted in one box": "alle {count} af '{group}' talt i én boks",
    # The board index and the meeting report
    "The InternationaliseringsBoard's overview": "InternationaliseringsBoardets overblik",
    "The whole ecosystem": "Hele økosystemet",
    "Clusters: partners, agreements, engagements and gaps": (
        "Klynger: partnere, aftaler, indsatser og mangler"
    ),
    "The four models: who takes part and how": "De fire modeller: hvem deltager, og hvordan",
    "Markets: Danish actors present and the clusters that reach them": (
        "Markeder: danske aktører til stede og de klynger, der når dem"
    ),
    "{count} shown": "{count} vist",
    "{count} gaps ({high} urgent)": "{count} mangler ({high} med høj hast)",
    "Gaps per cluster and the most urgent step": (
        "Mangler pr. klynge og det mest presserende skridt"
    ),
    "cluster": "klynge",
    "gaps": "mangler",
    "by type": "efter type",
    "most urgent: suggested action": "mest presserende: forslag til handling",
    "Market coverage: where clusters work, and where Denmark's support is present": (
        "Markedsdækning: hvor klyngerne arbejder, og hvor den danske støtte er til stede"
    ),
    "Markets with clusters but no support:": "Markeder med klynger, men uden støtte:",
    "An ICDK but no cluster:": "Et ICDK, men ingen klynge:",
    "market": "marked",
    "for the board": "til boardet",
    "Who offers what": "Hvem tilbyder hvad",
    "partner role": "partnerrolle",
    "who fills it": "hvem udfylder den",
    "actors in the graph": "aktører i grafen",
    "clusters working with one": "klynger, der samarbejder med en",
    "engagements where one played it": "indsatser, hvor en spillede den",
    "required by model": "krævet af model",
    "recommended by model": "anbefalet af model",
    "Each cluster's gaps and next steps": "Hver klynges mangler og næste skridt",
    "Next steps in the portfolio:": "Næste skridt i porteføljen:",
    "Sources": "Kilder",
    "The InternationaliseringsBoard: meeting report": "InternationaliseringsBoardet: mødemateriale",
    "{facts} facts from {source}": "{facts} fakta fra {source}",
    # The board's "changes since" section (api/board/changes.py)
    "Changes since {day}": "Ændringer siden {day}",
    "Not tied to a cluster": "Ikke knyttet til en klynge",
    "board as of": (
        "Grafen, som den var indlæst ved udgangen af {day}, og bedømt den dag: aftaler i kraft "
        "dengang, mangler som de stod dengang."
    ),
    "confidence reported": "fra rapporten",
    "confidence public-source": "offentlig kilde",
    "confidence inferred": "udledt",
    "confidence illustrative": "illustrativ",
    "confidence synthetic": "syntetisk",
    "changes intro": (
        "Hvad indlæsningerne har ændret i grafen efter {day}: partnerskaber og aftaler indgået, "
        "ændret eller ophørt, indsatser og klynger nye, ændrede eller borte, pr. klynge. Hver "
        "linje giver dagen, ændringen blev indlæst, kilden, der angiver den, og dens sikkerhed."
    ),
    "changes empty": (
        "Intet at berette siden {day}: ingen partnerskaber, aftaler, indsatser eller klynger er "
        "kommet til, ændret eller ophørt i grafen."
    ),
    "{count} changes told, in {clusters} groups": "{count} ændringer, i {clusters} grupper",
    "What changed since the last meeting": "Hvad er ændret siden sidste møde",
    "No load changed the graph since then.": "Ingen indlæsning har ændret grafen siden da.",
    "{count} other facts changed (places, activities, links).": (
        "{count} andre fakta er ændret (steder, aktiviteter, forbindelser)."
    ),
    "day": "dag",
    "change": "ændring",
    "source": "kilde",
    ", valid to {day}": ", gyldig til {day}",
    "agreement kind mou": "et MoU",
    "agreement kind strategic-agreement": "en strategisk aftale",
    "agreement kind cooperation-agreement": "en samarbejdsaftale",
    "agreement kind agreement": "en aftale",
    "change agreement signed": "{between} indgik {kind}{valid}",
    "change agreement runs to": "aftalen ({kind}) mellem {between} løber nu til {new} (før {old})",
    "change agreement changed": "aftalen ({kind}) mellem {between}: {said}",
    "change agreement gone": "aftalen ({kind}) mellem {between} står ikke længere i sin kilde",
    "change partnership began": "{a} og {b} indledte et {kind} partnerskab",
    "change partnership ended": "partnerskabet mellem {a} og {b} er ophørt",
    "change partnership ended on": "partnerskabet mellem {a} og {b} ophørte {end}",
    "change partnership changed": "partnerskabet mellem {a} og {b}: {said}",
    "change node new": "ny {noun}: {name}",
    "change node gone": "{noun} {name} står ikke længere i sin kilde",
    "change node changed": "{name}: {said}",
    "change link new": "{a} {verb} {b}",
    "change link gone": "{a} {verb} ikke længere {b}",
    "change link changed": "{a} {verb} {b}: {said}",
    "change noun Cluster": "klynge",
    "change noun Engagement": "indsats",
    "change verb PARTY_TO": "er part i",
    "change verb UNDERTAKES": "står bag",
    "partnership kind informal": "uformelt",
    "partnership kind project": "projektbaseret",
    "partnership kind formal": "formelt",
}
