// OfficeXML
