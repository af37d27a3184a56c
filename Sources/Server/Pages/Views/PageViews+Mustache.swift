import Mustache

// The templates read view models through `MustacheParent`: a name looked up with a switch instead
// of a `Mirror` made for every tag (reflection was half of the patient page's server time, measured
// with perf on a 20-visit record). A property that is nil answers nil, as swift-mustache's reflection
// does (it unwraps optionals), so a name behaves the same either way.

extension PatientPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "recordID": recordID
        case "pseudonymised": pseudonymised
        case "facts": facts
        case "visits": visits
        case "canEdit": canEdit
        case "editPatientHref": editPatientHref
        case "phenopacketHref": phenopacketHref
        case "addVisitAction": addVisitAction
        case "addVisit": addVisit
        case "addVisitErrors": addVisitErrors
        case "assessments": assessments
        case "diagnoseAction": diagnoseAction
        case "assessAction": assessAction
        case "figures": figures
        default: nil
        }
    }
}

extension PatientPageView.Fact: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "label": label
        case "value": value
        default: nil
        }
    }
}

extension PatientPageView.Term: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "definition": definition
        case "status": status
        case "qualifiers": qualifiers
        case "deleteAction": deleteAction
        case "editHref": editHref
        case "version": version
        default: nil
        }
    }
}

extension PatientPageView.Line: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "note": note
        case "flag": flag
        case "flagClass": flagClass
        case "deleteAction": deleteAction
        case "editHref": editHref
        case "version": version
        default: nil
        }
    }
}

extension PatientPageView.PartList: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "heading": heading
        case "cssClass": cssClass
        case "lines": lines
        default: nil
        }
    }
}

extension PatientPageView.Mark: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "kind": kind
        case "cssClass": cssClass
        case "text": text
        default: nil
        }
    }
}

extension PatientPageView.VisitEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": anchor
        case "href": href
        case "date": date
        case "kind": kind
        case "age": age
        case "notes": notes
        case "marks": marks
        case "phenotypes": phenotypes
        case "hasPhenotypes": hasPhenotypes
        case "lists": lists
        default: nil
        }
    }
}

extension PatientFigures: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "latestBodyMap": latestBodyMap
        case "bodyMapsByVisit": bodyMapsByVisit
        case "charts": charts
        default: nil
        }
    }
}

extension PatientFigures.Chart: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "svg": svg
        case "table": table
        default: nil
        }
    }
}

extension PageRenderer.Body: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "csrf": csrf
        default: nil
        }
    }
}

extension FormFieldView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "label": label
        case "value": value
        case "error": error
        case "hint": hint
        case "required": required
        case "inputID": inputID
        case "isInput": isInput
        case "isSelect": isSelect
        case "isTextarea": isTextarea
        case "inputType": inputType
        case "inputMode": inputMode
        case "options": options
        case "hpoSearch": hpoSearch
        case "autocomplete": autocomplete
        default: nil
        }
    }
}

extension FormFieldView.Option: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}
