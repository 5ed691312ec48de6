package docx

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The fixtures were written by LibreOffice 7.4 from the sources beside
// them:
//
//	soffice --headless --convert-to docx rules.fodt                      # → rules-lo.docx
//	soffice --headless --convert-to 'docx:MS Word 2007 XML' algo.html    # → algo-lo.docx
//	soffice --headless --convert-to docx headers-lo.fodt                 # → headers-lo.docx
//	soffice --headless --convert-to docx header-only-lo.fodt             # → header-only-lo.docx
//
// (headers-lo.docx and header-only-lo.docx are tested in margins_test.go
// and in the importers package.)
func TestReadLibreOfficeFixtures(t *testing.T) {
	const safety = "2 标注规则 / 2.2 安全性标注"
	tests := []struct {
		file string
		want []string
	}{
		{
			file: "rules-lo.docx",
			want: []string{
				"¶1 | 生成式人工智能服务数据标注规则（示例）",
				"¶2 H | 1 总则",
				"¶3 [1 总则] | 本规则适用于训练数据的人工标注活动[1]。",
				"fn 2 [1 总则] | [1] 依据《生成式人工智能服务管理暂行办法》第八条。",
				"¶4 H [1 总则] | 1.1 适用范围",
				"¶5 [1 总则 / 1.1 适用范围] | 标注人员应当经过培训并考核合格。",
				"¶6 H | 2 标注规则",
				"¶7 H [2 标注规则] | 2.1 准确性标注",
				"¶8 [2 标注规则 / 2.1 准确性标注] | 标注结果应当与数据内容相符。",
				"¶9 H [2 标注规则] | 2.2 安全性标注",
				"¶10 [" + safety + "] | 安全性标注包括以下步骤：",
				"¶11 [" + safety + "] | 1.识别违法不良信息；",
				"¶12 [" + safety + "] | 2.标注风险类别；",
				"¶13 [" + safety + "] | 3.复核并记录。",
				"¶14 T1 R1 C1 [" + safety + "] | 类别",
				"¶15 T1 R1 C2 [" + safety + "] | 示例与说明",
				"¶16 T1 R2 C1 [" + safety + "] | 违反社会主义核心价值观",
				"¶17 T1 R2 C2 [" + safety + "] | 煽动颠覆国家政权",
				"¶18 T1 R2 C3 [" + safety + "] | 高风险",
				"¶19 T1 R3 C2 [" + safety + "] | 宣扬恐怖主义",
				"¶20 T1 R3 C3 [" + safety + "] | 高风险",
				"¶21 [" + safety + "] | 表后说明：标注记录保存不少于三年。",
			},
		},
		{
			file: "algo-lo.docx",
			want: []string{
				"¶1 H | 算法机制说明",
				"¶2 [算法机制说明] | 本文档说明推荐算法的基本原理。",
				"¶3 H [算法机制说明] | 模型结构",
				"¶4 [算法机制说明 / 模型结构] | 模型采用多层变换器结构，参数量约七十亿。",
				"¶5 [算法机制说明 / 模型结构] | 1. 输入文本分词；",
				"¶6 [算法机制说明 / 模型结构] | 2. 编码与解码；",
				"¶7 [算法机制说明 / 模型结构] | 3. 安全过滤。",
				"¶8 H [算法机制说明] | 训练数据",
				"¶9 T1 R1 C1 [算法机制说明 / 训练数据] | 数据来源",
				"¶10 T1 R1 C2 [算法机制说明 / 训练数据] | 规模与比例",
				"¶11 T1 R2 C1 [算法机制说明 / 训练数据] | 公开网页",
				"¶12 T1 R2 C2 [算法机制说明 / 训练数据] | 约二万亿词元",
				"¶13 T1 R2 C3 [算法机制说明 / 训练数据] | 百分之六十",
				"¶14 T1 R3 C2 [算法机制说明 / 训练数据] | 经过清洗",
				"¶15 T1 R3 C3 [算法机制说明 / 训练数据] | 去重过滤",
				"¶16 H | 安全措施",
				"¶17 [安全措施] | 对输出内容进行关键词与模型双重审核。",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, warns, err := readBytes(data)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if len(warns) > 0 {
				t.Errorf("unexpected warnings: %q", summarizeWarnings(warns))
			}
			if s := summarize(t, got); !slices.Equal(s, tt.want) {
				t.Errorf("passages:\n got %q\nwant %q", s, tt.want)
			}
		})
	}
}
