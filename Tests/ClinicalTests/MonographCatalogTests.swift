import Foundation
import Ontology
import Testing
@testable import Clinical

/// The curated monographs of Knowledge/monographs as shipped.
@Suite struct MonographCatalogTests {
    let catalog: MonographCatalog

    init() throws {
        catalog = try MonographCatalog.load(from: Repo.monographs)
    }

    @Test func loadsTheSevenCuratedEntries() {
        #expect(catalog.monographs.map(\.key).sorted()
                == ["fop", "osteoma-cutis", "php1a", "php1b", "php1c", "poh", "pphp"])
        let omim = Dictionary(uniqueKeysWithValues: catalog.monographs.map { ($0.key, $0.omimID?.description) })
        #expect(omim["poh"] == "OMIM:166350")
        #expect(omim["pphp"] == "OMIM:612463")
        #expect(omim["php1a"] == "OMIM:103580")
        #expect(omim["php1b"] == "OMIM:603233")
        #expect(omim["php1c"] == "OMIM:612462")
        #expect(omim["fop"] == "OMIM:135100")
        #expect(omim["osteoma-cutis"] == .some(nil))
    }

    @Test func osteomaCutisIsAnAlternativeTitleOfPOH() throws {
        let oc = try #require(catalog.monograph(for: "osteoma-cutis"))
        #expect(oc.identifiers.isEmpty)
        #expect(oc.alternativeTitleOf?.value == TermID("OMIM:166350"))
        #expect(oc.alternativeTitleOf?.sources == ["S27"])
    }

    @Test(arguments: [
        ("OMIM:166350", "poh"), ("omim:166350", "poh"), ("ORPHA:2762", "poh"), ("orphanet:2762", "poh"),
        ("MONDO:0008153", "poh"), ("mondo:0008153", "poh"), ("poh", "poh"), ("osteoma-cutis", "osteoma-cutis"),
        ("ORPHA:79445", "pphp"), ("MONDO:0012912", "pphp"), ("OMIM:135100", "fop"), (" OMIM:103580 ", "php1a"),
        ("MONDO:0007078", "php1a"), ("MONDO:0011301", "php1b"), ("MONDO:0012911", "php1c"), ("MONDO:0007606", "fop"),
    ])
    func resolvesAlternativeIDs(_ query: String, _ key: String) {
        #expect(catalog.monograph(for: query)?.key == key)
    }

    @Test func unknownIDsResolveToNothing() {
        #expect(catalog.monograph(for: "OMIM:999999") == nil)
        #expect(catalog.monograph(for: "HP:0025027") == nil, "the phenotype Osteoma cutis is not the disease")
    }

    @Test func everyFactHasAKnownSource() {
        let keys = Set(catalog.sources.sources.map(\.key))
        for m in catalog.monographs {
            #expect(!m.facts.isEmpty)
            for fact in m.facts {
                #expect(!fact.provenance.sources.isEmpty, "\(m.key) \(fact.path) has no source")
                for s in fact.provenance.sources {
                    #expect(keys.contains(s), "\(m.key) \(fact.path) cites unknown source \(s)")
                }
            }
        }
    }

    @Test func everyHPOTermExistsInTheRelease() throws {
        let kb = try sharedKnowledgeBase.get()
        #expect(catalog.validate(against: kb) == [])
        var count = 0
        for m in catalog.monographs {
            for (path, id) in m.hpoTerms {
                count += 1
                let term = kb.term(id)
                #expect(term != nil, "\(m.key) \(path): \(id) not in the release")
                #expect(term?.isObsolete == false, "\(m.key) \(path): \(id) is obsolete")
            }
        }
        #expect(count > 30)
    }

    @Test func everyClinicalFeatureMapsToAnHPOTerm() {
        for m in catalog.monographs {
            #expect(!m.clinicalFeatures.isEmpty, "\(m.key)")
            for (i, f) in m.clinicalFeatures.enumerated() {
                #expect(f.value.hpo != nil, "\(m.key) clinicalFeatures[\(i)] \(f.value.label)")
            }
        }
    }

    @Test func osteomaCutisPhenotypeAndDiseaseStaySeparate() throws {
        // HP:0025027 is the phenotype; the disease has no HPO term and is its own entry.
        let kb = try sharedKnowledgeBase.get()
        #expect(kb.term(.hpo(25027))?.name == "Osteoma cutis")
        let poh = try #require(catalog.monograph(for: "poh"))
        #expect(poh.clinicalFeatures.contains { $0.value.hpo == .hpo(25027) })
    }

    /// The facts domain.md marks UNCONFIRMED carry the mark: iPPSD subtype mapping, the Adegbite
    /// cut-offs, the Pignolo itemised list, CAJIS.
    @Test func unconfirmedFactsCarryTheMark() throws {
        func unconfirmedTexts(_ key: String) throws -> [String] {
            let m = try #require(catalog.monograph(for: key))
            return m.diagnosticCriteria.filter(\.unconfirmed).map(\.value)
                + m.classifications.filter(\.unconfirmed).map(\.value.value)
                + m.assessment.filter(\.unconfirmed).map(\.value)
        }
        let poh = try unconfirmedTexts("poh")
        #expect(poh.contains { $0.contains("Adegbite") })
        #expect(poh.contains { $0.contains("Pignolo") })
        #expect(poh.contains { $0.hasPrefix("iPPSD2") })
        #expect(poh.contains { $0.hasPrefix("CAJIS") })
        #expect(try unconfirmedTexts("fop").contains { $0.hasPrefix("CAJIS") })
        #expect(try unconfirmedTexts("php1b").contains { $0.hasPrefix("iPPSD3") })
        for key in ["osteoma-cutis", "pphp", "php1a", "php1c"] {
            #expect(try unconfirmedTexts(key).contains { $0.hasPrefix("iPPSD2") }, "\(key)")
        }
        // Every iPPSD subtype anywhere is marked.
        for m in catalog.monographs {
            for c in m.classifications where c.value.scheme == "iPPSD subtype" {
                #expect(c.unconfirmed && c.note != nil, "\(m.key)")
            }
        }
    }

    @Test func unconfirmedMarksShowInTextAndJSON() throws {
        let poh = try #require(catalog.monograph(for: "poh"))
        let text = MonographTextRenderer(sources: catalog.sources).render(poh)
        #expect(text.contains("UNCONFIRMED: iPPSD subtype: iPPSD2"))
        #expect(text.contains("UNCONFIRMED: CAJIS"))
        let json = String(decoding: try JSONEncoder().encode(poh), as: UTF8.self)
        #expect(json.contains("\"unconfirmed\":true"))
        #expect(poh.unconfirmedFacts.map(\.path).contains("classifications[1]"))
    }

    @Test func jsonRoundTrips() throws {
        for m in catalog.monographs {
            let data = try JSONEncoder().encode(m)
            #expect(try MonographCatalog.decode(Monograph.self, from: data, file: m.key + ".json") == m)
        }
    }

    @Test func absentFactsStayAbsent() throws {
        // domain.md gives no locus or OMIM gene number for ACVR1, and no inheritance for FOP.
        let fop = try #require(catalog.monograph(for: "fop"))
        #expect(fop.gene?.value.symbol == "ACVR1")
        #expect(fop.gene?.value.locus == nil)
        #expect(fop.gene?.value.omimGene == nil)
        #expect(fop.inheritance.isEmpty)
        #expect(fop.biochemistry.isEmpty)
    }
}
