"""GB/T 7714-2015 numeric entries against the standard's own examples.

Each case names the clause of GB/T 7714-2015 its example is printed in (4.1.2 专著, 4.2.2 专著中的
析出文献, 4.4.2 连续出版物中的析出文献, 4.5.2 专利, 4.6.2 电子资源, 8.7 DOI, 9 参考文献表, Appendix A
A.1–A.10). The examples' data and clause numbers were taken from the collection of the
standard's examples kept with zepinglee/gbt7714-bibtex-style (test/testbst/support/standard.bib
and its expected output 2015-numerical.bbl); the punctuation ("DOI:" without a space,
"2版", "第1卷") is the standard's, as the GB/T 7714 CSL styles' published renderings
(redleafnew/Chinese-STD-GB-T-7714-related-csl) also print it. Titles are given in the case the
standard prints them: the formatter keeps a title as written.
"""

# ruff: noqa: E501  (each example stays whole on its line, to be read against the standard)

from __future__ import annotations

import pytest

from planner.references.csl import CslItem
from planner.references.gbt7714 import format_name, format_reference, is_chinese, type_code


def names(*parts: str) -> list[dict[str, str]]:
    """ "张三" → literal; "Family, Given" → family/given."""
    out = []
    for part in parts:
        if ", " in part:
            family, given = part.split(", ", 1)
            out.append({"family": family, "given": given})
        else:
            out.append({"literal": part})
    return out


def day(y: int, m: int | None = None, d: int | None = None) -> dict:
    return {"date-parts": [[p for p in (y, m, d) if p is not None]]}


CASES: list[tuple[str, CslItem, str]] = [
    # ---- [M] 专著 (4.1.2, A.1)
    ("4.1.2 [1]", {"id": "a", "type": "book", "author": names("陈登原"), "title": "国史旧闻",
      "volume": 1, "publisher-place": "北京", "publisher": "中华书局", "issued": day(2000),
      "page": "29"},
     "陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29."),
    ("4.1.2 [2]", {"id": "a", "type": "book", "author": names("哈里森·沃尔德伦"),
      "translator": names("谢远涛"), "title": "经济数学与金融数学", "publisher-place": "北京",
      "publisher": "中国人民大学出版社", "issued": day(2012), "page": "235--236"},
     "哈里森·沃尔德伦. 经济数学与金融数学[M]. 谢远涛, 译. 北京: 中国人民大学出版社, 2012: 235-236."),
    ("4.1.2 [5]", {"id": "a", "type": "book",
      "author": [{"family": "徐", "given": "光宪"}, {"family": "王", "given": "祥云"}],
      "title": "物质结构", "publisher-place": "北京", "publisher": "科学出版社",
      "issued": day(2010)},
     "徐光宪, 王祥云. 物质结构[M]. 北京: 科学出版社, 2010."),
    ("4.1.2 [14]", {"id": "a", "type": "book",
      "author": [{"family": "Peebles", "given": "Peyton Z.", "suffix": "Jr"}],
      "title": "Probability, random variables, and random signal principles", "edition": "4",
      "publisher-place": "New York", "publisher": "McGraw-Hill", "issued": day(2001)},
     "PEEBLES P Z, Jr. Probability, random variables, and random signal principles[M]. 4th ed. "
     "New York: McGraw-Hill, 2001."),
    ("4.1.2 [17]", {"id": "a", "type": "book",
      "author": names("Fan, Xuetong", "Sommers, Christopher H."),
      "title": "Food irradiation research and technology", "edition": 2,
      "publisher-place": "Ames, Iowa", "publisher": "Blackwell Publishing", "issued": day(2013),
      "page": "25-26", "accessed": day(2014, 6, 26),
      "URL": "http://onlinelibrary.wiley.com/doi/10.1002/9781118422557.ch2/summary"},
     "FAN X, SOMMERS C H. Food irradiation research and technology[M/OL]. 2nd ed. Ames, Iowa: "
     "Blackwell Publishing, 2013: 25-26[2014-06-26]. "
     "http://onlinelibrary.wiley.com/doi/10.1002/9781118422557.ch2/summary."),
    ("A.1 [5]", {"id": "a", "type": "book", "title": "康熙字典: 巳集上: 水部",
      "edition": "同文书局影印本", "publisher-place": "北京", "publisher": "中华书局",
      "issued": day(1962), "page": 50},
     "康熙字典: 巳集上: 水部[M]. 同文书局影印本. 北京: 中华书局, 1962: 50."),
    ("A.1 [10]", {"id": "a", "type": "book", "author": names("库恩"),
      "title": "科学革命的结构: 第4版", "translator": names("金吾伦", "胡新和"), "edition": "2",
      "publisher-place": "北京", "publisher": "北京大学出版社", "issued": day(2012)},
     "库恩. 科学革命的结构: 第4版[M]. 金吾伦, 胡新和, 译. 2版. 北京: 北京大学出版社, 2012."),
    ("10.2.4 [2]", {"id": "a", "type": "book", "author": names("中国社会科学院语言研究所词典编辑室"),
      "title": "现代汉语词典", "edition": "修订本", "publisher-place": "北京",
      "publisher": "商务印书馆", "issued": day(1996)},
     "中国社会科学院语言研究所词典编辑室. 现代汉语词典[M]. 修订本. 北京: 商务印书馆, 1996."),
    # ---- [M]// 专著中的析出文献 (4.2.2)
    ("4.2.2 [2]", {"id": "a", "type": "chapter", "author": names("程根伟"),
      "title": "1998年长江洪水的成因与减灾对策", "editor": names("许厚泽", "赵其国"),
      "container-title": "长江流域洪涝灾害与科技对策", "publisher-place": "北京",
      "publisher": "科学出版社", "issued": day(1999), "page": "32-36"},
     "程根伟. 1998年长江洪水的成因与减灾对策[M]//许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. "
     "北京: 科学出版社, 1999: 32-36."),
    ("4.2.2 [3]", {"id": "a", "type": "chapter",
      "author": names("陈晋镳", "张惠民", "朱士兴", "赵震", "王振刚"), "title": "蓟县震旦亚界研究",
      "editor": names("中国地质科学院天津地质矿产研究所"), "container-title": "中国震旦亚界",
      "publisher-place": "天津", "publisher": "天津科学技术出版社", "issued": day(1980),
      "page": "56–114"},
     "陈晋镳, 张惠民, 朱士兴, 等. 蓟县震旦亚界研究[M]//中国地质科学院天津地质矿产研究所. "
     "中国震旦亚界. 天津: 天津科学技术出版社, 1980: 56-114."),
    ("4.2.2 [4]", {"id": "a", "type": "chapter", "author": names("马克思"),
      "title": "政治经济学批判", "editor": names("马克思", "恩格斯"),
      "container-title": "马克思恩格斯全集", "volume": "35", "publisher-place": "北京",
      "publisher": "人民出版社", "issued": day(2013), "page": "302"},
     "马克思. 政治经济学批判[M]//马克思, 恩格斯. 马克思恩格斯全集: 第35卷. 北京: 人民出版社, "
     "2013: 302."),
    # ---- [C] 会议录 and its papers (4.1.2, 4.2.2, A.2, A.7)
    ("4.1.2 [8]", {"id": "a", "type": "paper-conference", "editor": names("牛志明", "斯温兰德", "雷光春"),
      "title": "综合湿地管理国际研讨会论文集", "publisher-place": "北京",
      "publisher": "海洋出版社", "issued": day(2012)},
     "牛志明, 斯温兰德, 雷光春. 综合湿地管理国际研讨会论文集[C]. 北京: 海洋出版社, 2012."),
    ("4.2.2 [5]", {"id": "a", "type": "paper-conference", "author": names("贾东琴", "柯平"),
      "title": "面向数字素养的高校图书馆数字服务体系研究", "editor": names("中国图书馆学会"),
      "container-title": "中国图书馆学会年会论文集", "volume": "2011年卷",
      "publisher-place": "北京", "publisher": "国家图书馆出版社", "issued": day(2011),
      "page": "45-52"},
     "贾东琴, 柯平. 面向数字素养的高校图书馆数字服务体系研究[C]//中国图书馆学会. "
     "中国图书馆学会年会论文集: 2011年卷. 北京: 国家图书馆出版社, 2011: 45-52."),
    ("A.7 [8]", {"id": "a", "type": "paper-conference", "author": names("Fourney, M. E."),
      "title": "Advances in holographic photoelasticity",
      "container-title": "Symposium on Applications of Holography in Mechanics, August 23-25, "
      "1971, University of Southern California, Los Angeles, California",
      "publisher-place": "New York", "publisher": "ASME", "issued": {"literal": "c1971"},
      "page": "17-38"},
     "FOURNEY M E. Advances in holographic photoelasticity[C]//Symposium on Applications of "
     "Holography in Mechanics, August 23-25, 1971, University of Southern California, Los "
     "Angeles, California. New York: ASME, c1971: 17-38."),
    ("A.2 [5]", {"id": "a", "type": "paper-conference",
      "editor": names("Babu, B. V.", "Nagar, A. K.", "Deep, K.", "Pant, M."),
      "title": "Proceedings of the Second International Conference on Soft Computing for "
      "Problem Solving, December 28-30, 2012", "publisher-place": "New Delhi",
      "publisher": "Springer", "issued": day(2014)},
     "BABU B V, NAGAR A K, DEEP K, et al. Proceedings of the Second International Conference "
     "on Soft Computing for Problem Solving, December 28-30, 2012[C]. New Delhi: Springer, 2014."),
    # ---- [D] 学位论文 (A.4, 8.7)
    ("A.4 [3]", {"id": "a", "type": "thesis", "author": names("Calms, R. B."),
      "title": "Infrared spectroscopic studies on solid oxygen", "publisher-place": "Berkeley",
      "publisher": "Univ. of California", "issued": day(1965)},
     "CALMS R B. Infrared spectroscopic studies on solid oxygen[D]. Berkeley: Univ. of "
     "California, 1965."),
    ("A.4 [2]", {"id": "a", "type": "thesis", "author": names("吴云芳"),
      "title": "面向中文信息处理的现代汉语并列结构研究", "publisher-place": "北京",
      "publisher": "北京大学", "issued": day(2003), "accessed": day(2013, 10, 14),
      "URL": "http://thesis.lib.pku.edu.cn/dlib/List.asp?lang=gb&type=Reader&DocGroupID=4&DocID=6328"},
     "吴云芳. 面向中文信息处理的现代汉语并列结构研究[D/OL]. 北京: 北京大学, 2003[2013-10-14]. "
     "http://thesis.lib.pku.edu.cn/dlib/List.asp?lang=gb&type=Reader&DocGroupID=4&DocID=6328."),
    ("8.7 [1]", {"id": "a", "type": "thesis", "author": names("刘乃安"),
      "title": "生物质材料热解失重动力学及其分析方法研究", "publisher-place": "合肥",
      "publisher": "中国科学技术大学", "issued": day(2000), "page": "17-18",
      "accessed": day(2014, 8, 29), "URL": "http://wenku.baidu.com/link?url=GJDJxb4lxBUXnIPmq1",
      "DOI": "10.7666/d.y351065"},
     "刘乃安. 生物质材料热解失重动力学及其分析方法研究[D/OL]. 合肥: 中国科学技术大学, 2000: "
     "17-18[2014-08-29]. http://wenku.baidu.com/link?url=GJDJxb4lxBUXnIPmq1. "
     "DOI:10.7666/d.y351065."),
    # ---- [R] 报告 (A.3, 4.6.2)
    ("A.3 [5]", {"id": "a", "type": "report", "author": names("World Health Organization"),
      "title": "Factors regulating the immune response: report of WHO Scientific Group",
      "publisher-place": "Geneva", "publisher": "WHO", "issued": day(1970)},
     "World Health Organization. Factors regulating the immune response: report of WHO "
     "Scientific Group[R]. Geneva: WHO, 1970."),
    ("A.3 [3]", {"id": "a", "type": "report",
      "author": names("Calkin, D.", "Ager, A.", "Thompson, M."),
      "title": "A comparative risk assessment framework for wildland fire management: the 2010 "
      "cohesive strategy science report", "number": "RMRS-GTR-262", "issued": day(2011),
      "page": "8-9"},
     "CALKIN D, AGER A, THOMPSON M. A comparative risk assessment framework for wildland fire "
     "management: the 2010 cohesive strategy science report: RMRS-GTR-262[R]. 2011: 8-9."),
    ("4.6.2 [1]", {"id": "a", "type": "report", "author": names("中国互联网络信息中心"),
      "title": "第29次中国互联网络发展现状统计报告", "issued": day(2012, 1, 16),
      "accessed": day(2013, 3, 26),
      "URL": "http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680.pdf"},
     "中国互联网络信息中心. 第29次中国互联网络发展现状统计报告[R/OL]. (2012-01-16)[2013-03-26]. "
     "http://www.cnnic.net.cn/hlwfzyj/hlwxzbg/201201/P020120709345264469680.pdf."),
    ("A.3 [2]", {"id": "a", "type": "report", "author": names("汤万金", "杨跃翔", "刘文", "李祥洲"),
      "title": "人体安全重要技术标准研制最终报告", "number": "7178999X-2006BAK04A10/10.2013",
      "issued": day(2013, 9, 30), "accessed": day(2014, 6, 24),
      "URL": "http://www.nstrs.org.cn/xiangxiBG.aspx?id=41707"},
     "汤万金, 杨跃翔, 刘文, 等. 人体安全重要技术标准研制最终报告: 7178999X-2006BAK04A10/10.2013"
     "[R/OL]. (2013-09-30)[2014-06-24]. http://www.nstrs.org.cn/xiangxiBG.aspx?id=41707."),
    # ---- [S] 标准 (4.1.2, A.6)
    ("4.1.2 [4]", {"id": "a", "type": "standard", "author": names("全国信息与文献标准化技术委员会"),
      "title": "信息与文献 都柏林核心元数据元素集", "number": "GB/T 25100—2010",
      "publisher-place": "北京", "publisher": "中国标准出版社", "issued": day(2010),
      "page": "2-3"},
     "全国信息与文献标准化技术委员会. 信息与文献 都柏林核心元数据元素集: GB/T 25100—2010[S]. "
     "北京: 中国标准出版社, 2010: 2-3."),
    ("A.6 [3]", {"id": "a", "type": "standard", "author": names("国家环境保护局科技标准司"),
      "title": "土壤环境质量标准", "number": "GB 15618—1995", "publisher-place": "北京",
      "publisher": "中国标准出版社", "issued": day(1996), "page": "2-3",
      "accessed": day(2013, 10, 14),
      "URL": "http://wenku.baidu.com/view/b950a34b767f5acfa1c7cd49.html"},
     "国家环境保护局科技标准司. 土壤环境质量标准: GB 15618—1995[S/OL]. 北京: 中国标准出版社, "
     "1996: 2-3[2013-10-14]. http://wenku.baidu.com/view/b950a34b767f5acfa1c7cd49.html."),
    # ---- [P] 专利 (4.5.2)
    ("4.5.2 [1]", {"id": "a", "type": "patent", "author": names("邓一刚"), "title": "全智能节电器",
      "number": "200610171314.3", "issued": day(2006, 12, 13)},
     "邓一刚. 全智能节电器: 200610171314.3[P]. 2006-12-13."),
    ("4.5.2 [3]", {"id": "a", "type": "patent",
      "author": names("Tachibana, Ryuki", "Shimizu, Shuhichi", "Kobayshi, Seiji",
                      "Nakamura, Taiga"),
      "title": "Electronic watermarking method and system", "number": "US6915001",
      "issued": day(2005, 7, 5), "accessed": day(2013, 11, 11),
      "URL": "http://www.google.co.in/patents/US6915001"},
     "TACHIBANA R, SHIMIZU S, KOBAYSHI S, et al. Electronic watermarking method and system: "
     "US6915001[P/OL]. 2005-07-05[2013-11-11]. http://www.google.co.in/patents/US6915001."),
    # ---- [J] 期刊中的析出文献 (4.4.2, 9, A.8)
    ("4.4.2 [1]", {"id": "a", "type": "article-journal",
      "author": names("袁训来", "陈哲", "肖书海", "others"),
      "title": "蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口", "container-title": "科学通报",
      "issued": day(2012), "volume": 55, "issue": 34, "page": 3219},
     "袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. 科学通报, "
     "2012, 55(34): 3219."),
    ("4.4.2 [5]", {"id": "a", "type": "article-journal",
      "author": names("武丽丽", "华一新", "张亚军", "others"),
      "title": "“北斗一号”监控管理网设计与实现", "container-title": "测绘科学", "issued": day(2008),
      "volume": "33", "issue": "5", "page": "8-9", "accessed": day(2009, 10, 25),
      "URL": "http://vip.calis.edu.cn/CSTJ/Sear.dll?OPAC_CreateDetail",
      "DOI": "10.3771/j.issn.1009-2307.2008.05.002"},
     "武丽丽, 华一新, 张亚军, 等. “北斗一号”监控管理网设计与实现[J/OL]. 测绘科学, 2008, 33(5): "
     "8-9[2009-10-25]. http://vip.calis.edu.cn/CSTJ/Sear.dll?OPAC_CreateDetail. "
     "DOI:10.3771/j.issn.1009-2307.2008.05.002."),
    ("4.4.2 [6]", {"id": "a", "type": "article-journal", "author": names("Kanamori, H."),
      "title": "Shaking without quaking", "container-title": "Science", "issued": day(1998),
      "volume": 279, "issue": 5359, "page": 2063},
     "KANAMORI H. Shaking without quaking[J]. Science, 1998, 279(5359): 2063."),
    ("4.4.2 [9]", {"id": "a", "type": "article-journal",
      "author": names("Myburg, Alexander A.", "Grattapaglia, Dario", "Tuskan, Gerald A.",
                      "others"),
      "title": "The genome of Eucalyptus grandis", "container-title": "Nature",
      "issued": day(2014, 6, 19), "volume": 510, "page": "356-362",
      "accessed": day(2014, 6, 25),
      "URL": "http://www.nature.com/nature/journal/v510/n7505/pdf/nature13308.pdf",
      "DOI": "10.1038/nature13308"},
     "MYBURG A A, GRATTAPAGLIA D, TUSKAN G A, et al. The genome of Eucalyptus grandis[J/OL]. "
     "Nature, 2014, 510: 356-362[2014-06-25]. "
     "http://www.nature.com/nature/journal/v510/n7505/pdf/nature13308.pdf. "
     "DOI:10.1038/nature13308."),
    ("9 [5]", {"id": "a", "type": "article-journal", "author": names("杨宗英"),
      "title": "电子图书馆的现实模型", "container-title": "中国图书馆学报", "issued": day(1996),
      "issue": 2, "page": "24-29"},
     "杨宗英. 电子图书馆的现实模型[J]. 中国图书馆学报, 1996(2): 24-29."),
    ("A.8 [5]", {"id": "a", "type": "article-journal",
      "author": [{"family": "Marais", "non-dropping-particle": "Des", "given": "D. J."},
                 *names("Strauss, H.", "Summons, R. E.", "Hayes, J. M.")],
      "title": "Carbon isotope evidence for the stepwise oxidation of the Proterozoic "
      "environment", "container-title": "Nature", "issued": day(1992), "volume": 359,
      "page": "605-609"},
     "DES MARAIS D J, STRAUSS H, SUMMONS R E, et al. Carbon isotope evidence for the stepwise "
     "oxidation of the Proterozoic environment[J]. Nature, 1992, 359: 605-609."),
    # ---- [N] 报纸 (A.9, 4.4.2)
    ("A.9 [1]", {"id": "a", "type": "article-newspaper", "author": names("丁文详"),
      "title": "数字革命与竞争国际化", "container-title": "中国青年报",
      "issued": day(2000, 11, 20), "page": "15"},
     "丁文详. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15)."),
    ("4.4.2 [2]", {"id": "a", "type": "article-newspaper", "author": names("余建斌"),
      "title": "我们的科技一直在追赶: 访中国工程院院长周济", "container-title": "人民日报",
      "issued": day(2013, 1, 12), "page": 2, "accessed": day(2013, 3, 20),
      "URL": "http://paper.people.com.cn/rmrb/html/2013-01/12/nw.D110000renmrb_20130112_5-02.htm"},
     "余建斌. 我们的科技一直在追赶: 访中国工程院院长周济[N/OL]. 人民日报, 2013-01-12(2)"
     "[2013-03-20]. "
     "http://paper.people.com.cn/rmrb/html/2013-01/12/nw.D110000renmrb_20130112_5-02.htm."),
    # ---- [EB/OL] 电子资源, [A/OL] 档案 (4.6.2, A.10)
    ("4.6.2 [3]", {"id": "a", "type": "webpage", "author": names("Bawden, D."),
      "title": "Origins and concepts of digital literacy", "issued": day(2008, 5, 4),
      "accessed": day(2013, 3, 8),
      "URL": "http://www.soi.city.ac.uk/~dbawden/digital%20literacy%20chapter.pdf"},
     "BAWDEN D. Origins and concepts of digital literacy[EB/OL]. (2008-05-04)[2013-03-08]. "
     "http://www.soi.city.ac.uk/~dbawden/digital%20literacy%20chapter.pdf."),
    ("4.6.2 [4]", {"id": "a", "type": "webpage",
      "author": [{"literal": "Online Computer Library Center, Inc"}],
      "title": "About OCLC: history of cooperation", "accessed": day(2012, 3, 27),
      "URL": "http://www.oclc.org/about/cooperation.en.html"},
     "Online Computer Library Center, Inc. About OCLC: history of cooperation[EB/OL]. "
     "[2012-03-27]. http://www.oclc.org/about/cooperation.en.html."),
    ("A.10 [1]", {"id": "a", "type": "webpage", "author": names("萧钰"),
      "title": "出版业信息化迈入快车道", "issued": day(2001, 12, 19), "accessed": day(2002, 4, 15),
      "URL": "http://www.creader.com/news/20011219/200112190019.html"},
     "萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. "
     "http://www.creader.com/news/20011219/200112190019.html."),
    ("4.6.2 [2]", {"id": "a", "type": "manuscript", "author": names("北京市人民政府办公厅"),
      "title": "关于转发北京市企业投资项目核准暂行实施办法的通知: 京政办发[2005]37号",
      "issued": day(2005, 7, 12), "accessed": day(2011, 7, 12),
      "URL": "http://china.findlaw.cn/fagui/p_1/39934.html"},
     "北京市人民政府办公厅. 关于转发北京市企业投资项目核准暂行实施办法的通知: 京政办发[2005]37号"
     "[A/OL]. (2005-07-12)[2011-07-12]. http://china.findlaw.cn/fagui/p_1/39934.html."),
]  # fmt: skip


@pytest.mark.parametrize(("clause", "item", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_standards_examples(clause: str, item: CslItem, expected: str) -> None:
    assert format_reference(item) == expected


def test_every_type_code_has_an_example_in_chinese_and_in_english() -> None:
    by_language: dict[bool, set[str]] = {True: set(), False: set()}
    for _clause, item, _expected in CASES:
        by_language[is_chinese(item)].add(type_code(item).removesuffix("/OL"))
    assert by_language[True] >= {"M", "C", "D", "R", "S", "P", "J", "N", "EB", "A"}
    assert by_language[False] >= {"M", "C", "D", "R", "P", "J", "EB"}


def test_chinese_names_join_family_and_given_without_a_space() -> None:
    assert format_name({"family": "张", "given": "三"}) == "张三"
    assert format_name({"family": "欧阳", "given": "修"}) == "欧阳修"
    assert format_name({"literal": "李四"}) == "李四"


def test_western_names_are_upper_case_family_and_initials_without_points() -> None:
    assert format_name({"family": "Huang", "given": "Dong"}) == "HUANG D"
    assert format_name({"family": "Liu", "given": "Qing-Hua"}) == "LIU Q H"
    assert format_name({"family": "Sommers", "given": "Christopher H."}) == "SOMMERS C H"
    assert format_name({"family": "Kanamori"}) == "KANAMORI"


def test_more_than_three_authors_by_the_entrys_language() -> None:
    four = [{"family": f, "given": "A"} for f in ("Wang", "Li", "Zhao", "Qian")]
    english: CslItem = {"id": "x", "type": "book", "author": four, "title": "Databases"}
    assert format_reference(english).startswith("WANG A, LI A, ZHAO A, et al. Databases[M].")
    chinese: CslItem = {**english, "title": "数据库"}  # type: ignore[typeddict-item]
    assert format_reference(chinese).startswith("WANG A, LI A, ZHAO A, 等. 数据库[M].")
    # an explicit language wins over the script of the title
    assert "et al." in format_reference({**chinese, "language": "en-US"})  # type: ignore[typeddict-item]
    three: CslItem = {**english, "author": four[:3]}  # type: ignore[typeddict-item]
    assert format_reference(three).startswith("WANG A, LI A, ZHAO A. Databases[M].")
