"""Write the synthetic sample data set (ข้อมูลสมมุติ) of the worked examples.

Usage: python scripts/make_sample_data.py [OUTPUT_DIR]   (default: book/data/sample)

Every number is drawn from a seeded ``random.Random`` (whose algorithms are stable across Python
versions), so running the script again gives byte-identical files; tests/test_sample_data.py
checks that. The schools, names and amounts are invented: they only look like an ESA's data.
"""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

SEED = 2569
YEARS = (2568, 2569)
"""Two fiscal years of income and spending; the action plan and quarters are for the later."""

DISTRICTS: tuple[tuple[str, int], ...] = (
    # district, number of sample schools (about 130 in all, in proportion to the 2561 counts)
    ("เชียงคำ", 36),
    ("จุน", 24),
    ("ปง", 38),
    ("เชียงม่วน", 13),
    ("ภูซาง", 19),
)

VILLAGE_PARTS = (
    "ทุ่ง",
    "ดอน",
    "หนอง",
    "ห้วย",
    "แม่",
    "ป่า",
    "สัน",
    "ร่อง",
    "น้ำ",
    "บ่อ",
    "ปาง",
    "ดง",
)
VILLAGE_ENDS = (
    "แก้ว",
    "ทอง",
    "ใหม่",
    "หลวง",
    "งาม",
    "ลาน",
    "คำ",
    "เย็น",
    "ขาม",
    "ม่วง",
    "สัก",
    "ยาง",
    "ไคร้",
    "ต้ม",
    "แดง",
    "ผึ้ง",
)

WORK_GROUPS = (
    "กลุ่มอำนวยการ",
    "กลุ่มนโยบายและแผน",
    "กลุ่มบริหารงานบุคคล",
    "กลุ่มบริหารงานการเงินและสินทรัพย์",
    "กลุ่มส่งเสริมการจัดการศึกษา",
    "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา",
    "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา",
    "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร",
    "หน่วยตรวจสอบภายใน",
    "กลุ่มกฎหมายและคดี",
)

STRATEGIES = (
    "1 ความปลอดภัยของผู้เรียน",
    "2 คุณภาพผู้เรียน",
    "3 โอกาสและความเสมอภาค",
    "4 ครูและบุคลากรทางการศึกษา",
    "5 การบริหารจัดการ",
)

PROJECT_TOPICS = (
    ("โรงเรียนปลอดภัย", 0),
    ("ป้องกันยาเสพติดในสถานศึกษา", 0),
    ("อ่านออกเขียนได้ ป.1", 1),
    ("ยกระดับผลสัมฤทธิ์ O-NET", 1),
    ("ส่งเสริมทักษะดิจิทัลผู้เรียน", 1),
    ("โรงเรียนขนาดเล็กรวมพลัง", 2),
    ("ลดเด็กออกกลางคัน", 2),
    ("ทุนการศึกษาเด็กยากจน", 2),
    ("พัฒนาครูด้วยชุมชนการเรียนรู้ทางวิชาชีพ", 3),
    ("อบรมครูวิทยาการคำนวณ", 3),
    ("นิเทศภายในแบบกัลยาณมิตร", 3),
    ("พัฒนาระบบข้อมูลสารสนเทศ", 4),
    ("ติดตามและรายงานผลการใช้งบประมาณ", 4),
    ("ขับเคลื่อนการประเมิน ITA", 4),
)

INDICATORS = (
    # name, short name (for charts), unit, direction, baseline (2565), yearly targets 2566..2570
    (
        "ร้อยละของนักเรียน ป.1 ที่อ่านออกเขียนได้",
        "ป.1 อ่านออกเขียนได้",
        "ร้อยละ",
        "เพิ่ม",
        78,
        (80, 83, 86, 89, 92),
    ),
    ("คะแนนเฉลี่ย O-NET ป.6 ภาษาไทย", "O-NET ป.6 ภาษาไทย", "คะแนน", "เพิ่ม", 48, (49, 50, 51, 52, 53)),
    ("ร้อยละของนักเรียนออกกลางคัน", "นักเรียนออกกลางคัน", "ร้อยละ", "ลด", 0.9, (0.8, 0.7, 0.6, 0.5, 0.4)),
    (
        "ร้อยละของโรงเรียนที่ผ่านเกณฑ์โรงเรียนปลอดภัย",
        "โรงเรียนปลอดภัย",
        "ร้อยละ",
        "เพิ่ม",
        70,
        (75, 80, 85, 90, 95),
    ),
    (
        "ร้อยละของครูที่เข้าร่วมชุมชนการเรียนรู้ทางวิชาชีพ",
        "ครูเข้าร่วม PLC",
        "ร้อยละ",
        "เพิ่ม",
        60,
        (65, 70, 80, 90, 100),
    ),
    (
        "ร้อยละการเบิกจ่ายงบประมาณภาพรวมของเขตพื้นที่",
        "การเบิกจ่ายงบประมาณ",
        "ร้อยละ",
        "เพิ่ม",
        91,
        (92, 93, 94, 95, 96),
    ),
    ("คะแนน ITA ของสำนักงานเขตพื้นที่", "คะแนน ITA ของเขต", "คะแนน", "เพิ่ม", 85, (87, 89, 90, 92, 94)),
)


def write(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """UTF-8 CSV with LF line ends (stable bytes on every platform)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def make(out: Path) -> None:
    rng = random.Random(SEED)
    out.mkdir(parents=True, exist_ok=True)
    # The strategies are read back by scripts/make_proposal_template.py (one list, one place).
    write(out / "strategies.csv", ["strategy"], ([name] for name in STRATEGIES))

    # --- schools and pupils ---------------------------------------------------------------
    schools = []
    names: set[str] = set()
    number = 0
    for district, count in DISTRICTS:
        for _ in range(count):
            number += 1
            while True:
                name = f"บ้าน{rng.choice(VILLAGE_PARTS)}{rng.choice(VILLAGE_ENDS)}"
                if name not in names:
                    names.add(name)
                    break
            # About half the schools of a rural primary ESA are small (at most 120 pupils).
            if rng.random() < 0.5:
                size = rng.randint(14, 125)
            else:
                size = int(rng.triangular(121, 720, 150))
            extended = size > 220 and rng.random() < 0.45  # ขยายโอกาส (up to ม.3)
            schools.append((f"56{number:04d}", f"โรงเรียน{name}", district, extended, size))
    write(
        out / "schools.csv",
        ("รหัสโรงเรียน", "ชื่อโรงเรียน", "อำเภอ", "ขยายโอกาส"),
        (
            (code, name, district, "ใช่" if ext else "ไม่ใช่")
            for code, name, district, ext, _ in schools
        ),
    )

    pupils = []
    for code, _, _, extended, size in schools:
        for year in YEARS:
            drift = 1 + (rng.random() - 0.6) * 0.08 if year == YEARS[1] else 1
            total = max(8, round(size * drift))
            kinder = round(total * rng.uniform(0.14, 0.22))
            secondary = round(total * rng.uniform(0.22, 0.3)) if extended else 0
            primary = total - kinder - secondary
            pupils.append((code, year, kinder, primary, secondary, total))
    write(
        out / "students.csv",
        ("รหัสโรงเรียน", "ปีงบประมาณ", "ก่อนประถมศึกษา", "ประถมศึกษา", "มัธยมศึกษาตอนต้น", "นักเรียนรวม"),
        pupils,
    )

    # --- income by source ------------------------------------------------------------------
    income = []
    for year in YEARS:
        grow = 1.0 if year == YEARS[0] else 1.03
        income.append((year, "งบประมาณจาก สพฐ. (สำนักงานเขตพื้นที่)", round(41_500_000 * grow, -3)))
        income.append(
            (year, "งบประมาณจาก สพฐ. (โรงเรียน เงินเดือนและค่าจ้าง)", round(540_000_000 * grow, -3))
        )
        income.append((year, "เงินอุดหนุนรายหัว (โรงเรียน)", round(rng.uniform(72e6, 76e6) * grow, -2)))
        income.append((year, "เงินอุดหนุนจาก อปท. ค่าอาหารกลางวัน", round(rng.uniform(26e6, 28e6), -2)))
        income.append((year, "เงินบริจาคและเงินรายได้สถานศึกษา", round(rng.uniform(3e6, 4.5e6), -2)))
    write(
        out / "income.csv",
        ("ปีงบประมาณ", "แหล่งเงิน", "จำนวนเงิน"),
        ((y, source, f"{int(amount)}") for y, source, amount in income),
    )

    # --- spending by category: work groups and schools ----------------------------------------
    spending = []
    for year in YEARS:
        for group in WORK_GROUPS:
            base = 2_600_000 if group == "กลุ่มอำนวยการ" else rng.randint(500, 1_600) * 1_000
            shares = {
                "งบบุคลากร": rng.uniform(0.25, 0.4),
                "งบดำเนินงาน": rng.uniform(0.35, 0.55),
                "งบลงทุน": rng.uniform(0.0, 0.2),
                "งบรายจ่ายอื่น": rng.uniform(0.0, 0.06),
            }
            for category, share in shares.items():
                spending.append(
                    (year, "สำนักงานเขตพื้นที่", group, "", category, round(base * share, -2))
                )
        for (code, _, district, _, _), row in zip(
            schools, [p for p in pupils if p[1] == year], strict=True
        ):
            total = row[5]
            teachers = max(3, round(total / 17))
            salary = teachers * 12 * rng.randint(24, 34) * 1000
            spending.append((year, "โรงเรียน", code, district, "งบบุคลากร", salary))
            spending.append(
                (
                    year,
                    "โรงเรียน",
                    code,
                    district,
                    "งบดำเนินงาน",
                    round(total * rng.uniform(500, 800), -2),
                )
            )
            spending.append(
                (
                    year,
                    "โรงเรียน",
                    code,
                    district,
                    "งบเงินอุดหนุน",
                    round(total * rng.uniform(3800, 4400), -2),
                )
            )
            if rng.random() < 0.3:
                spending.append(
                    (year, "โรงเรียน", code, district, "งบลงทุน", rng.randint(5, 90) * 10_000)
                )
    write(
        out / "spending.csv",
        ("ปีงบประมาณ", "ประเภทหน่วย", "หน่วยงาน", "อำเภอ", "หมวดงบ", "จำนวนเงิน"),
        ((y, kind, unit, d, c, f"{int(a)}") for y, kind, unit, d, c, a in spending),
    )

    # --- projects of the action plan with quarterly activities --------------------------------
    year = YEARS[1]
    projects = []
    activities = []
    for index, (topic, strategy) in enumerate(PROJECT_TOPICS, start=1):
        code = f"P{year}-{index:02d}"
        budget = rng.randint(8, 60) * 10_000
        owner = WORK_GROUPS[rng.choice((1, 4, 5, 6, 7))] if strategy != 4 else WORK_GROUPS[1]
        projects.append((code, f"โครงการ{topic}", STRATEGIES[strategy], owner, year, budget))
        # Planned spending leans to quarters 2-3; what was done lags the plan a little.
        weights = [rng.uniform(0.5, 1.5) for _ in range(4)]
        weights[1] += 0.6
        weights[2] += 0.4
        left = budget
        for quarter in range(1, 5):
            planned = round(budget * weights[quarter - 1] / sum(weights)) if quarter < 4 else left
            left -= planned
            done = round(planned * rng.uniform(0.7, 1.0), -2)
            tasks = rng.randint(1, 3)
            finished = tasks if rng.random() < 0.75 else tasks - 1
            activities.append((code, quarter, tasks, finished, planned, int(done)))
    write(
        out / "projects.csv",
        ("รหัสโครงการ", "ชื่อโครงการ", "กลยุทธ์", "ผู้รับผิดชอบ", "ปีงบประมาณ", "งบประมาณ"),
        projects,
    )
    write(
        out / "activities.csv",
        ("รหัสโครงการ", "ไตรมาส", "กิจกรรมตามแผน", "กิจกรรมที่ทำแล้ว", "แผนการใช้เงิน", "เบิกจ่าย"),
        activities,
    )

    # --- development-plan indicators ----------------------------------------------------------
    rows = []
    for index, (name, short, unit, direction, baseline, targets) in enumerate(INDICATORS, start=1):
        results: list[object] = []
        for target in targets[:4]:  # results known for 2566..2569
            step = (target - baseline) * rng.uniform(0.6, 1.25)
            results.append(round(baseline + step, 1))
        rows.append((f"KPI{index:02d}", name, short, unit, direction, baseline, *targets, *results))
    write(
        out / "indicators.csv",
        (
            "รหัส",
            "ตัวชี้วัด",
            "ชื่อย่อ",
            "หน่วย",
            "ทิศทาง",
            "ค่าฐาน 2565",
            "เป้าหมาย 2566",
            "เป้าหมาย 2567",
            "เป้าหมาย 2568",
            "เป้าหมาย 2569",
            "เป้าหมาย 2570",
            "ผล 2566",
            "ผล 2567",
            "ผล 2568",
            "ผล 2569",
        ),
        rows,
    )


if __name__ == "__main__":
    target = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "book/data/sample"
    )
    make(target)
    print(f"เขียนข้อมูลสมมุติลง {target}")
