/// The OpenAPI 3.1 document of the Insider Trading API, served at `GET /api/v1/insider/openapi.json`
/// from the binary itself. It is the contract: `.ci/run` runs schemathesis against a live server
/// with it, and `OpenAPIDocumentTests` checks it names every path, parameter and error of SPEC section 9.
public enum OpenAPIDocument {
    /// The document as JSON text.
    public static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Insider Trading API",
    "version": "1.0.0",
    "description": "Insider transactions from SEC Form 4 and 4/A filings, served by `insider-clusters serve` (SPEC section 9). Today T is the server's as-of date (else today in America/New_York); lookbackDays=N selects trade dates T-N..T (N+1 dates). Superseded (amended) rows never count. A pro key gets full bodies; no key or a free key gets a preview envelope (5 buys + 5 sells, 5 trades, 3 cluster buys). Every error is JSON {\"error\", \"message\"}."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "security": [
    {},
    {
      "ApiKeyHeader": []
    },
    {
      "BearerAuth": []
    }
  ],
  "paths": {
    "/api/v1/insider/activity": {
      "get": {
        "operationId": "getActivity",
        "summary": "Buys and sells by issuer",
        "description": "Non-derivative P (buys) and S (sells) transactions in the lookback, aggregated by issuer; ordered by totalValue descending, then ticker; at most `limit` per side.",
        "parameters": [
          {
            "$ref": "#/components/parameters/lookbackDays"
          },
          {
            "$ref": "#/components/parameters/limit"
          }
        ],
        "responses": {
          "200": {
            "description": "Buys and sells by issuer.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "oneOf": [
                    {
                      "$ref": "#/components/schemas/Activity"
                    },
                    {
                      "$ref": "#/components/schemas/ActivityPreview"
                    }
                  ]
                },
                "examples": {
                  "pro": {
                    "summary": "A pro key: the full body",
                    "value": {
                      "buys": [
                        {
                          "ticker": "ACME",
                          "companyName": "Acme Corp",
                          "tradeCount": 3,
                          "insiderCount": 2,
                          "totalShares": 15000,
                          "totalValue": 412500,
                          "latestDate": "2026-11-20",
                          "latestInsider": "Doe Jane",
                          "latestTitle": "CEO"
                        }
                      ],
                      "sells": []
                    }
                  },
                  "preview": {
                    "summary": "No key or a free key: the preview envelope",
                    "value": {
                      "isPreview": true,
                      "previewReason": "PRO_REQUIRED",
                      "data": {
                        "buys": [
                          {
                            "ticker": "ACME",
                            "companyName": "Acme Corp",
                            "tradeCount": 3,
                            "insiderCount": 2,
                            "totalShares": 15000,
                            "totalValue": 412500,
                            "latestDate": "2026-11-20",
                            "latestInsider": "Doe Jane",
                            "latestTitle": "CEO"
                          }
                        ],
                        "sells": []
                      }
                    }
                  }
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadParameter"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/insider/trades/{ticker}": {
      "get": {
        "operationId": "getTrades",
        "summary": "Every transaction of one issuer",
        "description": "Every transaction (both tables, every code) of the issuer with that ticker (case-insensitive) in the lookback, newest first: trade date, filing date, accession descending, non-derivative before derivative, row ascending.",
        "parameters": [
          {
            "name": "ticker",
            "in": "path",
            "required": true,
            "description": "Issuer ticker, matched case-insensitively.",
            "schema": {
              "type": "string",
              "pattern": "^[A-Za-z0-9.-]{1,10}$",
              "minLength": 1,
              "maxLength": 10
            },
            "example": "ACME"
          },
          {
            "$ref": "#/components/parameters/lookbackDays"
          }
        ],
        "responses": {
          "200": {
            "description": "The issuer's transactions; [] when the ticker is known but has none in the lookback.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "oneOf": [
                    {
                      "$ref": "#/components/schemas/Trades"
                    },
                    {
                      "$ref": "#/components/schemas/TradesPreview"
                    }
                  ]
                },
                "examples": {
                  "pro": {
                    "summary": "A pro key: the full body",
                    "value": [
                      {
                        "ticker": "ACME",
                        "companyName": "Acme Corp",
                        "insiderName": "Doe Jane",
                        "insiderTitle": "CEO",
                        "insiderRelation": "OFFICER",
                        "officer": true,
                        "director": true,
                        "tenPctOwner": false,
                        "transactionDate": "2026-11-20",
                        "filedDate": "2026-11-21",
                        "transactionCode": "P",
                        "transactionType": "BUY",
                        "securityTitle": "Common Stock",
                        "sharesTransacted": 5000,
                        "pricePerShare": 27.5,
                        "totalValue": 137500,
                        "sharesOwnedAfter": 125000,
                        "directOwnership": true,
                        "rule10b51": false,
                        "accessionNumber": "0001234567-26-000123"
                      }
                    ]
                  },
                  "preview": {
                    "summary": "No key or a free key: the preview envelope",
                    "value": {
                      "isPreview": true,
                      "previewReason": "PRO_REQUIRED",
                      "data": [
                        {
                          "ticker": "ACME",
                          "companyName": "Acme Corp",
                          "insiderName": "Doe Jane",
                          "insiderTitle": "CEO",
                          "insiderRelation": "OFFICER",
                          "officer": true,
                          "director": true,
                          "tenPctOwner": false,
                          "transactionDate": "2026-11-20",
                          "filedDate": "2026-11-21",
                          "transactionCode": "P",
                          "transactionType": "BUY",
                          "securityTitle": "Common Stock",
                          "sharesTransacted": 5000,
                          "pricePerShare": 27.5,
                          "totalValue": 137500,
                          "sharesOwnedAfter": 125000,
                          "directOwnership": true,
                          "rule10b51": false,
                          "accessionNumber": "0001234567-26-000123"
                        }
                      ]
                    }
                  }
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadParameter"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          },
          "404": {
            "description": "The store has never seen this ticker.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                },
                "example": {
                  "error": "not_found",
                  "message": "ticker ZZZZ is not in the store (no Form 4 of an issuer with that symbol was ever loaded)"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/insider/cluster-buys": {
      "get": {
        "operationId": "getClusterBuys",
        "summary": "Issuers where at least 3 insiders bought",
        "description": "Issuers where at least 3 distinct insiders (owner CIKs) made non-derivative P transactions in the lookback; ordered by insiderCount descending, totalValue descending, ticker ascending.",
        "parameters": [
          {
            "$ref": "#/components/parameters/lookbackDays"
          }
        ],
        "responses": {
          "200": {
            "description": "Cluster buys.",
            "headers": {
              "ETag": {
                "$ref": "#/components/headers/ETag"
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "oneOf": [
                    {
                      "$ref": "#/components/schemas/ClusterBuys"
                    },
                    {
                      "$ref": "#/components/schemas/ClusterBuysPreview"
                    }
                  ]
                },
                "examples": {
                  "pro": {
                    "summary": "A pro key: the full body",
                    "value": [
                      {
                        "ticker": "ACME",
                        "companyName": "Acme Corp",
                        "insiderCount": 3,
                        "tradeCount": 4,
                        "totalShares": 20000,
                        "totalValue": 550000,
                        "firstBuyDate": "2026-11-03",
                        "lastBuyDate": "2026-11-20"
                      }
                    ]
                  },
                  "preview": {
                    "summary": "No key or a free key: the preview envelope",
                    "value": {
                      "isPreview": true,
                      "previewReason": "PRO_REQUIRED",
                      "data": [
                        {
                          "ticker": "ACME",
                          "companyName": "Acme Corp",
                          "insiderCount": 3,
                          "tradeCount": 4,
                          "totalShares": 20000,
                          "totalValue": 550000,
                          "firstBuyDate": "2026-11-03",
                          "lastBuyDate": "2026-11-20"
                        }
                      ]
                    }
                  }
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadParameter"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "429": {
            "$ref": "#/components/responses/RateLimited"
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    },
    "/api/v1/insider/openapi.json": {
      "get": {
        "operationId": "getOpenAPI",
        "summary": "This document",
        "security": [
          {}
        ],
        "responses": {
          "200": {
            "description": "The OpenAPI 3.1 document.",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    },
    "/healthz": {
      "get": {
        "operationId": "getHealth",
        "summary": "Store reachable, newest filing date",
        "security": [
          {}
        ],
        "responses": {
          "200": {
            "description": "The store answers.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                },
                "example": {
                  "status": "ok",
                  "newestFilingDate": "2026-11-21",
                  "filings": 312345,
                  "dataVersion": 42,
                  "asOf": "2026-11-21"
                }
              }
            }
          },
          "503": {
            "$ref": "#/components/responses/Unavailable"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "ApiKeyHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "X-SentiSense-API-Key",
        "description": "A key from `insider-clusters api-key create` (ick_...)."
      },
      "BearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "The same key as `Authorization: Bearer <key>`."
      }
    },
    "parameters": {
      "lookbackDays": {
        "name": "lookbackDays",
        "in": "query",
        "required": false,
        "description": "Trade dates T-lookbackDays..T, both ends included. Integer 1..365, default 90; given at most once.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 365,
          "default": 90
        },
        "example": 90
      },
      "limit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Most issuers per side. Integer 1..500, default 50; given at most once.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 500,
          "default": 50
        },
        "example": 50
      }
    },
    "headers": {
      "ETag": {
        "description": "Entity tag of the body; send it back in If-None-Match to get 304.",
        "required": true,
        "schema": {
          "type": "string"
        }
      }
    },
    "responses": {
      "NotModified": {
        "description": "Not modified: the If-None-Match tag is current.",
        "headers": {
          "ETag": {
            "$ref": "#/components/headers/ETag"
          }
        }
      },
      "BadParameter": {
        "description": "A bad parameter: not an integer, out of range, empty or repeated.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "example": {
              "error": "bad_parameter",
              "message": "lookbackDays=366 is out of range; it must be an integer from 1 to 365 (default 90)"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "An unknown or revoked key.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "example": {
              "error": "unauthorized",
              "message": "unknown API key; create one with `insider-clusters api-key create`"
            }
          }
        }
      },
      "RateLimited": {
        "description": "The caller's request budget is spent.",
        "headers": {
          "Retry-After": {
            "description": "Seconds to wait.",
            "required": true,
            "schema": {
              "type": "integer"
            }
          }
        },
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "example": {
              "error": "rate_limited",
              "message": "request budget spent (60 requests per minute for this caller); retry after 1 s"
            }
          }
        }
      },
      "Unavailable": {
        "description": "The store did not answer in time.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "example": {
              "error": "timeout",
              "message": "the store did not answer within 10 seconds; try again later"
            }
          }
        }
      }
    },
    "schemas": {
      "Error": {
        "type": "object",
        "required": [
          "error",
          "message"
        ],
        "properties": {
          "error": {
            "type": "string",
            "description": "Machine-readable code: bad_parameter, unauthorized, not_found, rate_limited, method_not_allowed, timeout, store_unavailable, internal_error."
          },
          "message": {
            "type": "string",
            "description": "What is wrong and the allowed range."
          }
        }
      },
      "ActivityEntry": {
        "type": "object",
        "required": [
          "ticker",
          "companyName",
          "tradeCount",
          "insiderCount",
          "totalShares",
          "totalValue",
          "latestDate",
          "latestInsider",
          "latestTitle"
        ],
        "properties": {
          "ticker": {
            "type": "string"
          },
          "companyName": {
            "type": "string"
          },
          "tradeCount": {
            "type": "integer",
            "minimum": 1
          },
          "insiderCount": {
            "type": "integer",
            "minimum": 1
          },
          "totalShares": {
            "type": "integer"
          },
          "totalValue": {
            "type": "integer"
          },
          "latestDate": {
            "type": "string",
            "format": "date",
            "example": "2026-11-20"
          },
          "latestInsider": {
            "type": "string"
          },
          "latestTitle": {
            "type": "string"
          }
        }
      },
      "Activity": {
        "type": "object",
        "required": [
          "buys",
          "sells"
        ],
        "properties": {
          "buys": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ActivityEntry"
            }
          },
          "sells": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ActivityEntry"
            }
          }
        }
      },
      "ActivityPreview": {
        "type": "object",
        "description": "The first 5 buys and 5 sells.",
        "required": [
          "isPreview",
          "previewReason",
          "data"
        ],
        "properties": {
          "isPreview": {
            "type": "boolean",
            "const": true
          },
          "previewReason": {
            "type": "string",
            "const": "PRO_REQUIRED"
          },
          "data": {
            "$ref": "#/components/schemas/Activity"
          }
        }
      },
      "TickerTrade": {
        "type": "object",
        "required": [
          "ticker",
          "companyName",
          "insiderName",
          "insiderTitle",
          "insiderRelation",
          "officer",
          "director",
          "tenPctOwner",
          "transactionDate",
          "filedDate",
          "transactionCode",
          "transactionType",
          "securityTitle",
          "sharesTransacted",
          "pricePerShare",
          "totalValue",
          "sharesOwnedAfter",
          "directOwnership",
          "rule10b51"
        ],
        "properties": {
          "ticker": {
            "type": "string"
          },
          "companyName": {
            "type": "string"
          },
          "insiderName": {
            "type": "string"
          },
          "insiderTitle": {
            "type": "string"
          },
          "insiderRelation": {
            "type": "string",
            "enum": [
              "OFFICER",
              "DIRECTOR",
              "TEN_PCT_OWNER",
              "OTHER"
            ]
          },
          "officer": {
            "type": "boolean"
          },
          "director": {
            "type": "boolean"
          },
          "tenPctOwner": {
            "type": "boolean"
          },
          "transactionDate": {
            "type": "string",
            "format": "date",
            "example": "2026-11-20"
          },
          "filedDate": {
            "type": "string",
            "format": "date",
            "example": "2026-11-20"
          },
          "transactionCode": {
            "type": "string"
          },
          "transactionType": {
            "type": "string",
            "enum": [
              "BUY",
              "SELL",
              "EXERCISE",
              "AWARD",
              "GIFT",
              "OTHER"
            ]
          },
          "securityTitle": {
            "type": [
              "string",
              "null"
            ]
          },
          "sharesTransacted": {
            "type": "integer"
          },
          "pricePerShare": {
            "type": [
              "number",
              "null"
            ],
            "description": "null when absent or zero"
          },
          "totalValue": {
            "type": "integer"
          },
          "sharesOwnedAfter": {
            "type": [
              "integer",
              "null"
            ]
          },
          "directOwnership": {
            "type": "boolean"
          },
          "rule10b51": {
            "type": "boolean"
          },
          "accessionNumber": {
            "type": "string",
            "description": "Extra field: the filing's accession number."
          }
        }
      },
      "Trades": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/TickerTrade"
        }
      },
      "TradesPreview": {
        "type": "object",
        "description": "The first 5 trades.",
        "required": [
          "isPreview",
          "previewReason",
          "data"
        ],
        "properties": {
          "isPreview": {
            "type": "boolean",
            "const": true
          },
          "previewReason": {
            "type": "string",
            "const": "PRO_REQUIRED"
          },
          "data": {
            "$ref": "#/components/schemas/Trades"
          }
        }
      },
      "ClusterBuy": {
        "type": "object",
        "required": [
          "ticker",
          "companyName",
          "insiderCount",
          "tradeCount",
          "totalShares",
          "totalValue",
          "firstBuyDate",
          "lastBuyDate"
        ],
        "properties": {
          "ticker": {
            "type": "string"
          },
          "companyName": {
            "type": "string"
          },
          "insiderCount": {
            "type": "integer",
            "minimum": 3
          },
          "tradeCount": {
            "type": "integer",
            "minimum": 3
          },
          "totalShares": {
            "type": "integer"
          },
          "totalValue": {
            "type": "integer"
          },
          "firstBuyDate": {
            "type": "string",
            "format": "date",
            "example": "2026-11-20"
          },
          "lastBuyDate": {
            "type": "string",
            "format": "date",
            "example": "2026-11-20"
          }
        }
      },
      "ClusterBuys": {
        "type": "array",
        "items": {
          "$ref": "#/components/schemas/ClusterBuy"
        }
      },
      "ClusterBuysPreview": {
        "type": "object",
        "description": "The first 3 cluster buys.",
        "required": [
          "isPreview",
          "previewReason",
          "data"
        ],
        "properties": {
          "isPreview": {
            "type": "boolean",
            "const": true
          },
          "previewReason": {
            "type": "string",
            "const": "PRO_REQUIRED"
          },
          "data": {
            "$ref": "#/components/schemas/ClusterBuys"
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status",
          "newestFilingDate",
          "filings",
          "dataVersion",
          "asOf"
        ],
        "properties": {
          "status": {
            "type": "string",
            "const": "ok"
          },
          "newestFilingDate": {
            "type": [
              "string",
              "null"
            ],
            "format": "date"
          },
          "filings": {
            "type": "integer"
          },
          "dataVersion": {
            "type": "integer"
          },
          "asOf": {
            "type": "string",
            "format": "date",
            "example": "2026-11-20"
          }
        }
      }
    }
  }
}
"""#
}
