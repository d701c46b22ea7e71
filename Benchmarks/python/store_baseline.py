"""Plain Python baseline for the trade store benchmark (run by StoreBench, same files, same run).

Loads data-set ZIPs with the standard library only: zipfile + csv into sqlite3, one transaction
per quarter, every column as text, no typing, no amendment resolution. Then answers the three
API questions with straightforward SQL over those tables (dates converted in SQL).

usage: store_baseline.py load ZIP DB          -> prints seconds
       store_baseline.py query DB ASOF DAYS TICKER RUNS -> prints median ms of cluster-buys, activity, trades
"""
import csv
import io
import sqlite3
import statistics
import sys
import time
import zipfile

MEMBERS = ["SUBMISSION.tsv", "REPORTINGOWNER.tsv", "NONDERIV_TRANS.tsv", "DERIV_TRANS.tsv", "FOOTNOTES.tsv"]
csv.field_size_limit(10_000_000)

# DD-MON-YYYY as YYYY-MM-DD, in SQL.
ISO = ("(substr({c},8,4) || '-' || CASE substr({c},4,3) WHEN 'JAN' THEN '01' WHEN 'FEB' THEN '02' WHEN 'MAR' THEN '03' "
       "WHEN 'APR' THEN '04' WHEN 'MAY' THEN '05' WHEN 'JUN' THEN '06' WHEN 'JUL' THEN '07' WHEN 'AUG' THEN '08' "
       "WHEN 'SEP' THEN '09' WHEN 'OCT' THEN '10' WHEN 'NOV' THEN '11' ELSE '12' END || '-' || substr({c},1,2))")


def load(zip_path, db_path):
    started = time.perf_counter()
    con = sqlite3.connect(db_path)
    with zipfile.ZipFile(zip_path) as z, con:
        for member in MEMBERS:
            table = member.split(".")[0].lower()
            with z.open(member) as raw:
                reader = csv.reader(io.TextIOWrapper(raw, "utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)
                header = next(reader)
                con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(h + ' TEXT' for h in header)})")
                marks = ", ".join("?" * len(header))
                con.executemany(f"INSERT INTO {table} VALUES ({marks})", (r for r in reader if len(r) == len(header)))
    con.close()
    return time.perf_counter() - started


def queries(db_path, as_of, days, ticker, runs):
    con = sqlite3.connect(db_path)
    con.execute("CREATE INDEX IF NOT EXISTS nd_code ON nonderiv_trans (TRANS_CODE)")
    con.execute("CREATE INDEX IF NOT EXISTS nd_acc ON nonderiv_trans (ACCESSION_NUMBER)")
    con.execute("CREATE INDEX IF NOT EXISTS o_acc ON reportingowner (ACCESSION_NUMBER)")
    con.execute("CREATE INDEX IF NOT EXISTS s_acc ON submission (ACCESSION_NUMBER)")
    con.execute("CREATE INDEX IF NOT EXISTS s_sym ON submission (ISSUERTRADINGSYMBOL)")
    start = con.execute("SELECT date(?, ?)", (as_of, f"-{days} days")).fetchone()[0]
    d = ISO.format(c="n.TRANS_DATE")
    side = (f"SELECT s.ISSUERTRADINGSYMBOL, COUNT(DISTINCT n.ACCESSION_NUMBER || n.NONDERIV_TRANS_SK), COUNT(DISTINCT o.RPTOWNERCIK), "
            f"SUM(DISTINCT n.TRANS_SHARES), MIN({d}), MAX({d}) FROM nonderiv_trans n JOIN submission s ON s.ACCESSION_NUMBER = n.ACCESSION_NUMBER "
            f"JOIN reportingowner o ON o.ACCESSION_NUMBER = n.ACCESSION_NUMBER WHERE n.TRANS_CODE = ? AND {d} BETWEEN ? AND ? "
            f"GROUP BY s.ISSUERTRADINGSYMBOL")
    cluster = side + " HAVING COUNT(DISTINCT o.RPTOWNERCIK) >= 3 ORDER BY 3 DESC, 1"
    trades = (f"SELECT * FROM nonderiv_trans n JOIN submission s ON s.ACCESSION_NUMBER = n.ACCESSION_NUMBER "
              f"JOIN reportingowner o ON o.ACCESSION_NUMBER = n.ACCESSION_NUMBER WHERE s.ISSUERTRADINGSYMBOL = ? AND {d} BETWEEN ? AND ? "
              f"ORDER BY {d} DESC")

    def timed(fn):
        out = []
        for _ in range(runs):
            t = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t) * 1000)
        return statistics.median(out)

    results = [
        timed(lambda: con.execute(cluster, ("P", start, as_of)).fetchall()),
        timed(lambda: (con.execute(side + " LIMIT 50", ("P", start, as_of)).fetchall(), con.execute(side + " LIMIT 50", ("S", start, as_of)).fetchall())),
        timed(lambda: con.execute(trades, (ticker, start, as_of)).fetchall()),
    ]
    print(" ".join(f"{r:.3f}" for r in results))


if __name__ == "__main__":
    if sys.argv[1] == "load":
        print(f"{load(sys.argv[2], sys.argv[3]):.3f}")
    else:
        queries(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], int(sys.argv[6]))
