// Golden output compared exactly by the tests; regenerate with OSSIFY_UPDATE_GOLDEN=1.
// Generated: edit the renderer or the monograph, not this file.
extension Golden {
    static let pohMonograph = #"""
Progressive osseous heteroplasia
OMIM:166350 | ORPHA:2762 | MONDO:0008153
Curated monograph (Knowledge/monographs/poh.json). Source keys in brackets are listed under Sources;
UNCONFIRMED marks facts not checked against a primary source.

Name
  - Progressive osseous heteroplasia [S5]

Also known as
  - POH [S5]
  - Osteoma cutis [S27]
    Note: an alternative title of OMIM 166350; the disease osteoma cutis has its own curated entry
      (osteoma-cutis), distinct from the HPO phenotype Osteoma cutis (HP:0025027)

Identifiers
  - OMIM:166350 [S5]
  - ORPHA:2762 [S23, S24]
  - MONDO:0008153 [S23, S24, S32]

Description
  - Very rare genetic disease of progressive ectopic (heterotopic) ossification, usually caused by a
    loss-of-function mutation of the Gs-alpha isoform of GNAS on the paternal allele. [S5]
  - GNAS encodes the alpha subunit of the stimulatory G protein of adenylyl cyclase. [S5]
  - Cutaneous ossification presents in early life, then involves subcutaneous and later deep
    connective tissue (muscle, fascia). [S5, S1, S9]
  - Albright hereditary osteodystrophy (AHO), pseudohypoparathyroidism (PHP) and primary osteoma
    cutis (POC) are also caused by inactivating GNAS mutations and share superficial heterotopic
    ossification; POH is distinguished clinically by the deep and progressive nature of the
    heterotopic bone. [S5, S4]
  - Morbidity depends on the location and extent of the ossification; some patients are severely
    disabled. Few data exist about prognosis. [S5]

Treatment
  - No effective treatment or prevention. [S5, S4]
  - Surgical resection of diffuse lesions usually leads to recurrence or complications;
    circumscribed lesions can in some cases be removed with good long-term outcome. [S5, S4]

Safety
  - Before a biopsy or surgery of deep ossification without onset in the skin, FOP must be excluded
    (ACVR1 testing): in FOP a biopsy or operation triggers flare-ups and new bone. [S20]

Management
  - Surgery only for circumscribed lesions: these can in some cases be excised with a good long-term
    outcome; resection of diffuse lesions usually leads to recurrence or complications. [S5, S4]
  - Repeat PTH, calcium, phosphate and TSH during follow-up: PTH resistance can appear over time.
    [S6, S26]

Gene and locus
  - GNAS, 20q13.32, OMIM gene 139320 [S5, S1, S14]

Cause
  - Heterozygous GNAS loss-of-function variant (Gs-alpha) on the paternal allele. [S5, S1, S9]
  - In 37 POH kindreds 97.3% of variants were frameshift or otherwise highly disruptive (vs 68.7% in
    PHP1A/PPHP). [S11]
  - GNAS variants were found in 13 of 18 POH probands. [S9]
  - A somatic second hit in somite-derived progenitors is a hypothesis for POH lesions. [S16]
    Note: a hypothesis, not an established mechanism

Parent of origin
  - paternal [S1, S9]
    Note: POH mutations are inherited from fathers; the same variant gives POH or AHO/PHP1A
      depending on the transmitting parent

Inheritance
  - Autosomal dominant inheritance with maternal imprinting (paternal-only expression of the
    phenotype) - HP:0012275 Autosomal dominant inheritance with maternal imprinting [S22, S1]
  - Autosomal dominant: 50% risk to each child of a heterozygous parent; the phenotype follows the
    transmitting parent (from a father the PPHP/POH/OC spectrum, from a mother PHP1A/1C). [S1]
  - For a POH proband test the father: if he carries the variant, 50% risk to siblings; if not
    found, low but above population risk (germline mosaicism). [S1]
  - Most POH is de novo. [S17]

Hormone resistance
  - None [S1]

AHO features
  - Usually absent [S1]

Heterotopic ossification
  - Starts in the dermis, spreads to the subcutis, then to deep muscle and fascia; deep and
    progressive. [S1, S9, S4]

Main clinical features
  - Heterotopic ossification in the dermis (osteoma cutis) - HP:0025027 Osteoma cutis [S5, S22]
  - Subcutaneous ossification - HP:0034282 Subcutaneous ossification [S1, S22]
  - Extension of the ossification to deep tissues: muscle - HP:0011987 Ectopic ossification in
    muscle tissue [S5, S17, S22]
  - Extension of the ossification to deep tissues: tendon - HP:0011988 Ectopic ossification in
    tendon tissue [S17, S22]
  - Extension of the ossification to deep tissues: ligament - HP:0011989 Ectopic ossification in
    ligament tissue [S17, S22]
  - Intramembranous ossification - HP:0011986 Ectopic ossification [S5, S4, S22]
    Note: mapped to the broader HPO term Ectopic ossification: HPO has no term for the type of bone
  - Growth retardation of affected limbs (limb-length discrepancy) - HP:0009826 Limb undergrowth
    [S5, S4, S22]
  - Joint stiffness progressing to ankylosis - HP:0031013 Ankylosis [S17, S22]

Main biochemical alterations
  - Calcium: normal [S5, S4, S18]
  - Phosphate: normal [S5, S4, S18]
  - PTH: normal [S5, S4, S18]
  - TSH: normal [S1]
    Note: no hormone resistance

Told apart from its neighbours
  - vs Osteoma cutis (osteoma-cutis): In osteoma cutis the bone stays in the skin and subcutis; in
    POH it is deep and progressive. [S4, S1]
  - vs Pseudopseudohypoparathyroidism (OMIM:612463): In PPHP the bone stays in the skin and
    subcutis, and AHO features are present; POH has deep, progressive HO and usually no AHO
    features. [S4, S1]
  - vs Pseudohypoparathyroidism type 1A (OMIM:103580): PHP1A has hormone resistance (PTH, TSH: low
    Ca, high Pi, high PTH) and AHO with early obesity and cognitive disability, and its bone stays
    in the skin and subcutis; POH has normal Ca, Pi and PTH. [S1, S4, S18]
  - vs Pseudohypoparathyroidism type 1A (OMIM:103580): Parent of origin: the same GNAS variant gives
    POH when inherited from the father and AHO/PHP1A when inherited from the mother. [S9]
  - vs Pseudohypoparathyroidism type 1A (OMIM:103580): POH is diagnosed in the absence of multiple
    developmental features of AHO or hormone resistance; overlap cases exist (PHP1A/1C or AHO
    patients who develop progressive HO). [S2, S19]
  - vs Pseudohypoparathyroidism type 1C (OMIM:612462): PHP1C has resistance to several hormones and
    AHO features; its HO is subcutaneous. [S1]
  - vs Pseudohypoparathyroidism type 1B (OMIM:603233): PHP1B is a GNAS methylation defect with PTH
    resistance, rare AHO features and no heterotopic ossification. [S1]
  - vs Fibrodysplasia ossificans progressiva (OMIM:135100): Bone type: intramembranous in POH,
    endochondral in FOP (some POH biopsies show both in deep tissue). [S4, S20, S18]
  - vs Fibrodysplasia ossificans progressiva (OMIM:135100): Distribution: dermomyotomal and often
    one-sided in POH; FOP progresses axial to appendicular, cranial to caudal, proximal to distal.
    [S16, S20]
  - vs Fibrodysplasia ossificans progressiva (OMIM:135100): FOP has a congenital great-toe
    malformation and no skin ossification in infancy. [S17, S20]

Diagnostic criteria
  - Adegbite et al. 2008: 111 individuals with cutaneous or subcutaneous ossification, each scored
    on 8 characteristics: age at onset of HO, presence and location of HO, depth of HO, type of HO,
    progression of HO, features of AHO, PTH resistance, GNAS mutation analysis. POH and progressive
    HO sit at the severe end of the GNAS-inactivation spectrum. [S2]
  - UNCONFIRMED: A rule consistent with the Adegbite abstract: progressive deep HO, at most one AHO
    feature and no hormone resistance indicate POH. [S2]
    Unconfirmed: the exact cut-offs (number of AHO features) of Adegbite et al. 2008 are UNCONFIRMED
  - UNCONFIRMED: Pignolo et al. 2015 review diagnostic criteria, supporting features, management and
    prognosis. [S3]
    Unconfirmed: the itemised list of criteria is UNCONFIRMED and not reproduced here
  - The iPPSD criteria (Thiele et al. 2016: major and minor criteria, no confirmed genetic defect
    required) explicitly include POH. [S8]

Classification
  - iPPSD (inactivating PTH/PTHrP signalling disorder): included [S8]
  - UNCONFIRMED: iPPSD subtype: iPPSD2 (GNAS Gs-alpha loss of function) [S8]
    Unconfirmed: the assignment of disorders to iPPSD subtypes is this entry's reading of Thiele
      2016, UNCONFIRMED (verify before use)

Natural history
  - Onset often at birth or in the first months; most patients are diagnosed before age 10, some
    later. [S17]
  - Progression: "rice-grain" dermal nodules or a maculopapular rash, then subcutaneous fat, then
    muscle, tendon, ligament and fascia; lace-like webs cross joints; the course is unpredictable
    and asymmetric. [S17]
  - Distribution: dermomyotomal in 12 of 12 patients, most lateralised, some strictly one-sided.
    [S16]
  - Complications: joint stiffness leading to ankylosis; growth retardation of affected limbs
    (limb-length discrepancy). [S17, S4]

Prevalence
  - < 1/1,000,000 [S24]

Assessment
  - No validated POH staging or severity scale exists; FOP measures can be borrowed: FOP-PFQ and
    whole-body low-dose CT HO volume. [S20]
  - UNCONFIRMED: CAJIS (joint involvement), commonly 15 regions (jaw, cervical spine, thoracolumbar
    spine, left and right shoulder, elbow, wrist, hip, knee, ankle), each 0 uninvolved, 1 partial, 2
    ankylosed; total 0-30. [S20]
    Unconfirmed: the CAJIS regions and scoring are UNCONFIRMED
  - Record side and body region for every lesion. [S16]

References
  - Pignolo RJ et al. Appl Clin Genet 2015;8:37-48. PMID 25674011. [S5]
  - Kaplan FS, Shore EM. J Bone Miner Res 2000;15:2084-94. [S5]
  - Adegbite NS et al. Am J Med Genet A 2008;146A:1788-96. PMID 18553568. [S5]
  - Masi L et al. Osteoporos Int 2015;26:2529-58 (Taxonomy of rare genetic metabolic bone
    disorders). [S5]

Sources
  S1   GeneReviews "Disorders of GNAS Inactivation" (NBK459117).
  S2   Adegbite NS et al. Am J Med Genet A 2008;146A:1788-96. PMID 18553568.
  S3   Pignolo RJ et al. Appl Clin Genet 2015;8:37-48. PMID 25674011.
  S4   IOF Skeletal Rare Disorders, POH page.
  S5   Masi L et al. Osteoporos Int 2015;26:2529-58 (Taxonomy of rare genetic metabolic bone
       disorders).
  S6   Mantovani 2018, Nat Rev Endocrinol 14:476 (first international consensus on PHP and related
       disorders). PMID 29959430.
  S8   Thiele 2016, Eur J Endocrinol; Turan 2017, J Clin Res Pediatr Endocrinol; Pereda 2021. PMID
       27401862.
  S9   Shore 2002, N Engl J Med 346:99.
  S11  Lemos & Thakker 2015, Hum Mutat 36:11.
  S14  Endotext GNAS; imprinted-gene catalogues.
  S16  Cairns 2013, J Clin Invest 123:3624. PMID 23863715.
  S17  NORD, GARD, MedlinePlus, POH Association; Birjandinejad 2016.
  S18  Miller 1996, Arch Dermatol 132:787.
  S19  Eddy 2000, JBMR 15:2074.
  S20  GeneReviews FOP; Cohen 1993, JBJS 75:215; Pignolo 2019, OJRD 14:98; Pignolo 2022, Genet Med
       24:2422.
  S22  Human Phenotype Ontology, hp.obo release 2025-01-16.
  S23  Monarch dismech.
  S24  Orphanet.
  S26  Linglart (PHP1B).
  S27  OMIM 612462/603233.
  S32  Mondo Disease Ontology, release 2026-08-04: skos:exactMatch mappings to OMIM and Orphanet
       (mondo_exactmatch_omim.sssom.tsv, mondo_exactmatch_orphanet.sssom.tsv).

"""#
}
