public import ArgumentParser
public import Clinical

// Clinical enums used as command-line option values.
extension ParentRole: ExpressibleByArgument {}
extension Pedigree.CarrierStatus: ExpressibleByArgument {}
