// Generated from the top-level input_schema.json; InputSchemaTests.bundledSchemaMatchesTheFile keeps it in sync.
// To regenerate: replace the text between the delimiters with the file, byte for byte.

/// The product's input schema, compiled into the binary so that it runs from any folder.
enum BundledInputSchema {
    /// The bytes of `input_schema.json` as text.
    static let text = #"""
{
  "title": "Insider cluster buys",
  "description": "Finds tickers where several insiders bought their own company's stock in the same window (SEC Form 4, cross-checked against EDGAR), scores each cluster and writes one dataset row per cluster.",
  "type": "object",
  "schemaVersion": 1,
  "additionalProperties": false,
  "properties": {
    "min_cluster_size": {
      "title": "Minimum distinct insiders",
      "type": "integer",
      "description": "A ticker is a cluster when at least this many distinct insiders (by SEC CIK) bought in the window.",
      "editor": "number",
      "default": 3,
      "minimum": 2,
      "maximum": 20
    },
    "date_range": {
      "title": "Window",
      "type": "string",
      "description": "Trade dates counted back from the as-of date (today in New York unless overridden): 30, 60 or 90 days, both ends inclusive.",
      "editor": "select",
      "default": "last_30d",
      "enum": ["last_30d", "last_60d", "last_90d"],
      "enumTitles": ["Last 30 days", "Last 60 days", "Last 90 days"]
    },
    "min_value_usd": {
      "title": "Minimum total value (USD)",
      "type": "integer",
      "description": "The cluster's purchases must add up to at least this many dollars.",
      "editor": "number",
      "unit": "USD",
      "default": 25000,
      "minimum": 0,
      "maximum": 100000000
    },
    "exclude_sells": {
      "title": "Only all-buy clusters",
      "type": "boolean",
      "description": "Drop a ticker when any insider sold (S, D) or exercised options (M, X) in the window.",
      "editor": "checkbox",
      "default": true
    },
    "tickers": {
      "title": "Tickers",
      "type": "array",
      "description": "Restrict the search to these tickers (empty: the whole market). Each is trimmed and upper-cased; 1-10 characters of A-Z, 0-9, '.' and '-'; duplicates collapse.",
      "editor": "stringList",
      "default": [],
      "maxItems": 100,
      "items": {
        "type": "string",
        "pattern": "^[A-Z0-9.\\-]{1,10}$"
      }
    },
    "limit": {
      "title": "Maximum records",
      "type": "integer",
      "description": "Keep the strongest clusters only: at most this many rows are written (and charged).",
      "editor": "number",
      "default": 25,
      "minimum": 1,
      "maximum": 500
    },
    "include_industry": {
      "title": "Include industry",
      "type": "boolean",
      "description": "Fill the sector field with OpenInsider's industry (or EDGAR's SIC description).",
      "editor": "checkbox",
      "default": true
    },
    "source": {
      "title": "Source",
      "type": "string",
      "description": "Where trades come from: openinsider (OpenInsider pages, every buy cross-checked against its SEC Form 4; falls back to EDGAR when OpenInsider stays unreachable) or edgar (SEC EDGAR only; needs tickers).",
      "editor": "select",
      "default": "openinsider",
      "enum": ["openinsider", "edgar"],
      "enumTitles": ["OpenInsider + EDGAR cross-check", "SEC EDGAR only"]
    }
  }
}
"""#
}
