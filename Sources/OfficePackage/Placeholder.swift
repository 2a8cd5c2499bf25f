// OfficePackage
