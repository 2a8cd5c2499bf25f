// ITAReports
