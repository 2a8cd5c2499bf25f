// ThaiFormat
