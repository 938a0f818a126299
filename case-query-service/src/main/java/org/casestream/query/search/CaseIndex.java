package org.casestream.query.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.apache.lucene.util.BytesRef;
import org.casestream.events.json.EventJson;
import org.casestream.query.cases.CaseSummary;
import org.casestream.query.cases.CaseView;
import org.casestream.query.cases.SlaState;

/**
 * The embedded Lucene index that serves every list, filter, sort, facet and full-text search (the local MongoDB
 * wire server scans for anything but a unique key). It is a cache of the case views: each commit carries the
 * Kafka positions it covers in its user data, so after a restart the projection resumes from the older of these
 * and MongoDB's positions; deleting the directory makes it rebuild from the topic.
 */
public final class CaseIndex implements AutoCloseable {

    public static final String CASE_ID = "caseId";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String PRIORITY_RANK = "priorityRank";
    static final String CASE_NUMBER = "caseNumber";
    static final String NEXT_DUE = "nextDue";
    static final String TEXT = "text";
    static final String SUMMARY = "summary";
    static final String OPEN = "open";
    static final String BREACH_RECORDED = "breachRecorded";
    public static final String UNASSIGNED = "none";
    /** The keyword fields a list can filter on and count. */
    public static final List<String> FACETS = List.of("status", "priority", "queue", "assignee", "channel", "tier", "tag");
    private static final String POSITION_PREFIX = "kafka.position.";

    /**
     * Segments that a near-real-time refresh flushes (a batch's few documents each) and merges of them up to this
     * size stay in memory until a commit writes them out, so a refresh costs no file writes.
     */
    private static final double NRT_CACHE_MERGE_MB = 5.0;
    private static final double NRT_CACHE_MB = 60.0;

    private final ObjectMapper mapper = EventJson.mapper();
    private final Analyzer analyzer = new CaseAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Integer, Long> committedPositions;

    CaseIndex(Directory directory) throws IOException {
        this.directory = directory;
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
        this.committedPositions = positionsFrom(writer.getLiveCommitData());
    }

    public static CaseIndex open(Path path) {
        try {
            Files.createDirectories(path);
            return new CaseIndex(new NRTCachingDirectory(FSDirectory.open(path), NRT_CACHE_MERGE_MB, NRT_CACHE_MB));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the case index at " + path, e);
        }
    }

    /** The Kafka positions (next offset per partition) the last commit covers; empty for a new index. */
    public Map<Integer, Long> committedPositions() {
        return Map.copyOf(committedPositions);
    }

    /** Adds or replaces the cases' documents, without comment text; searches see them after {@link #refresh()}. */
    public void index(Collection<CaseView> views) {
        index(views, Map.of());
    }

    /**
     * Adds or replaces the cases' documents, each with the text of its comments that search should find (the
     * latest, within a budget: see {@link org.casestream.query.cases.CaseComments#searchText}); searches see them
     * after {@link #refresh()}.
     */
    public void index(Collection<CaseView> views, Map<UUID, String> commentText) {
        try {
            for (CaseView view : views) {
                writer.updateDocument(new Term(CASE_ID, view.caseId().toString()),
                        document(view, commentText.getOrDefault(view.caseId(), "")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index cases", e);
        }
    }

    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot refresh the case index", e);
        }
    }

    /** Makes everything indexed so far durable, with the positions it covers. */
    public void commit(Map<Integer, Long> positions) {
        Map<String, String> data = new HashMap<>();
        positions.forEach((partition, offset) -> data.put(POSITION_PREFIX + partition, Long.toString(offset)));
        try {
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            committedPositions.clear();
            committedPositions.putAll(positions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the case index", e);
        }
    }

    public CasePage search(CaseQuery query, Sort sort, int limit, String cursor, Instant now, Duration atRiskWindow) {
        Query lucene = toLucene(query);
        IndexSearcher searcher = acquire();
        try {
            FieldDoc after = cursor == null ? null : decodeCursor(cursor, sort, searcher.getIndexReader().maxDoc());
            TopFieldDocs top = searcher.searchAfter(after, lucene, limit + 1, sort, false);
            StoredFields stored = searcher.storedFields();
            List<CaseSummary> items = new ArrayList<>();
            ScoreDoc[] hits = top.scoreDocs;
            for (int i = 0; i < Math.min(limit, hits.length); i++) {
                items.add(summary(stored.document(hits[i].doc)).at(now, atRiskWindow));
            }
            String next = hits.length > limit ? encodeCursor((FieldDoc) hits[limit - 1]) : null;
            return new CasePage(items, next, searcher.count(lucene), facets(searcher, lucene));
        } catch (IOException e) {
            throw new UncheckedIOException("case search failed", e);
        } finally {
            release(searcher);
        }
    }

    /**
     * Every matching case in order, in chunks of {@code chunk} from one point-in-time view of the index, so that
     * an export of any size holds one chunk in memory and does not see changes made while it runs.
     */
    public void forEach(CaseQuery query, Sort sort, int chunk, Instant now, Duration atRiskWindow,
                        java.util.function.Consumer<CaseSummary> action) {
        Query lucene = toLucene(query);
        IndexSearcher searcher = acquire();
        try {
            StoredFields stored = searcher.storedFields();
            FieldDoc after = null;
            while (true) {
                TopFieldDocs top = searcher.searchAfter(after, lucene, chunk, sort, false);
                for (ScoreDoc hit : top.scoreDocs) {
                    action.accept(summary(stored.document(hit.doc)).at(now, atRiskWindow));
                }
                if (top.scoreDocs.length < chunk) {
                    return;
                }
                after = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
            }
        } catch (IOException e) {
            throw new UncheckedIOException("case export failed", e);
        } finally {
            release(searcher);
        }
    }

    public long count(CaseQuery query) {
        IndexSearcher searcher = acquire();
        try {
            return searcher.count(toLucene(query));
        } catch (IOException e) {
            throw new UncheckedIOException("case count failed", e);
        } finally {
            release(searcher);
        }
    }

    /** Open cases whose SLA is breached at {@code now}: a breach recorded, or a due time that still applies passed. */
    public static Query breachedAt(Instant now) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(OPEN, "true")), BooleanClause.Occur.FILTER)
                .add(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(BREACH_RECORDED, "true")), BooleanClause.Occur.SHOULD)
                        .add(LongPoint.newRangeQuery(NEXT_DUE, Long.MIN_VALUE, now.toEpochMilli() - 1), BooleanClause.Occur.SHOULD)
                        .setMinimumNumberShouldMatch(1).build(), BooleanClause.Occur.FILTER)
                .build();
    }

    /** Open cases not breached whose next due time falls within the window from {@code now}. */
    public static Query atRiskAt(Instant now, Duration window) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(OPEN, "true")), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(BREACH_RECORDED, "true")), BooleanClause.Occur.MUST_NOT)
                .add(LongPoint.newRangeQuery(NEXT_DUE, now.toEpochMilli(), now.plus(window).toEpochMilli()),
                        BooleanClause.Occur.FILTER)
                .build();
    }

    /** Open cases only. */
    public static Query openCases() {
        return new TermQuery(new Term(OPEN, "true"));
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    // --- documents ---------------------------------------------------------------------------------------

    private Document document(CaseView view, String commentText) throws JsonProcessingException {
        Document document = new Document();
        String id = view.caseId().toString();
        document.add(new StringField(CASE_ID, id, Field.Store.NO));
        document.add(new SortedDocValuesField(CASE_ID, new BytesRef(id)));
        keyword(document, "status", view.status().wire());
        keyword(document, "priority", view.priority().wire());
        keyword(document, "queue", view.queue().wire());
        keyword(document, "assignee", view.assignee() == null ? UNASSIGNED : view.assignee().toString());
        keyword(document, "channel", view.channel().wire());
        keyword(document, "tier", view.customer().tier().wire());
        keyword(document, "customerId", view.customer().customerId());
        view.tags().forEach(tag -> keyword(document, "tag", tag));
        document.add(new StringField(OPEN, Boolean.toString(view.open()), Field.Store.NO));
        document.add(new StringField(BREACH_RECORDED, Boolean.toString(!view.sla().breaches().isEmpty()), Field.Store.NO));
        long created = view.openedAt().toEpochMilli();
        document.add(new LongPoint(CREATED_AT, created));
        document.add(new NumericDocValuesField(CREATED_AT, created));
        document.add(new NumericDocValuesField(UPDATED_AT, view.updatedAt().toEpochMilli()));
        document.add(new NumericDocValuesField(PRIORITY_RANK, view.priority().ordinal()));
        document.add(new NumericDocValuesField(CASE_NUMBER, caseNumberValue(view.caseNumber())));
        Instant nextDue = SlaState.nextDue(view);
        if (nextDue != null) {
            document.add(new LongPoint(NEXT_DUE, nextDue.toEpochMilli()));
            document.add(new NumericDocValuesField(NEXT_DUE, nextDue.toEpochMilli()));
        }
        document.add(new TextField(TEXT, searchableText(view, commentText), Field.Store.NO));
        document.add(new StoredField(SUMMARY, mapper.writeValueAsBytes(CaseSummary.of(view))));
        return document;
    }

    private static void keyword(Document document, String field, String value) {
        document.add(new StringField(field, value, Field.Store.NO));
        document.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    /**
     * Subject, description, the customer and the comments' text given (internal notes too: only case workers
     * search).
     */
    private static String searchableText(CaseView view, String commentText) {
        StringBuilder text = new StringBuilder()
                .append(view.caseNumber()).append('\n')
                .append(view.subject()).append('\n')
                .append(view.description()).append('\n')
                .append(view.customer().customerId()).append('\n')
                .append(view.customer().email()).append('\n');
        if (view.customer().name() != null) {
            text.append(view.customer().name()).append('\n');
        }
        return text.append(commentText).toString();
    }

    private static long caseNumberValue(String caseNumber) {
        String digits = caseNumber.replaceAll("\\D", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits.length() > 18 ? digits.substring(digits.length() - 18) : digits);
    }

    private CaseSummary summary(Document document) throws IOException {
        return mapper.readValue(document.getBinaryValue(SUMMARY).bytes, CaseSummary.class);
    }

    // --- queries -----------------------------------------------------------------------------------------

    private Query toLucene(CaseQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
        query.terms().forEach((field, values) -> {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            values.forEach(value -> any.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.SHOULD));
            builder.add(any.build(), BooleanClause.Occur.FILTER);
        });
        if (query.createdFrom() != null || query.createdTo() != null) {
            long from = query.createdFrom() == null ? Long.MIN_VALUE : query.createdFrom().toEpochMilli();
            // createdTo is exclusive, so that consecutive ranges do not count a case twice
            long to = query.createdTo() == null ? Long.MAX_VALUE : query.createdTo().toEpochMilli() - 1;
            builder.add(LongPoint.newRangeQuery(CREATED_AT, from, to), BooleanClause.Occur.FILTER);
        }
        if (query.text() != null && !query.text().isBlank()) {
            builder.add(textQuery(query.text()), BooleanClause.Occur.FILTER);
        }
        if (query.extra() != null) {
            builder.add(query.extra(), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    /** Every word must match; the last one also as a prefix, unless the text ends with a space. */
    Query textQuery(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (words.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean lastIsPrefix = !Character.isWhitespace(text.charAt(text.length() - 1));
        for (int i = 0; i < words.size(); i++) {
            Term term = new Term(TEXT, words.get(i));
            Query word = i == words.size() - 1 && lastIsPrefix ? new PrefixQuery(term) : new TermQuery(term);
            all.add(word, BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    private Map<String, Map<String, Long>> facets(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, new CollectorManager<FacetCollector, Map<String, Map<String, Long>>>() {
            @Override
            public FacetCollector newCollector() {
                return new FacetCollector();
            }

            @Override
            public Map<String, Map<String, Long>> reduce(Collection<FacetCollector> collectors) {
                Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
                FACETS.forEach(field -> counts.put(field, new TreeMap<>()));
                collectors.forEach(collector -> collector.counts.forEach((field, values) ->
                        values.forEach((value, count) -> counts.get(field).merge(value, count, Long::sum))));
                return counts;
            }
        });
    }

    /** Counts each keyword value of the matching documents, per segment by ordinal, then by value. */
    private static final class FacetCollector extends SimpleCollector {
        private final Map<String, Map<String, Long>> counts = new HashMap<>();
        private final Map<String, SortedSetDocValues> values = new HashMap<>();
        private final Map<String, long[]> ordinalCounts = new HashMap<>();

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            for (String field : FACETS) {
                SortedSetDocValues docValues = context.reader().getSortedSetDocValues(field);
                if (docValues != null) {
                    values.put(field, docValues);
                    ordinalCounts.put(field, new long[(int) docValues.getValueCount()]);
                }
            }
        }

        @Override
        public void collect(int doc) throws IOException {
            for (Map.Entry<String, SortedSetDocValues> entry : values.entrySet()) {
                SortedSetDocValues docValues = entry.getValue();
                if (docValues.advanceExact(doc)) {
                    long[] ordinals = ordinalCounts.get(entry.getKey());
                    for (int i = 0; i < docValues.docValueCount(); i++) {
                        ordinals[(int) docValues.nextOrd()]++;
                    }
                }
            }
        }

        @Override
        public void finish() throws IOException {
            flush();
        }

        private void flush() throws IOException {
            for (Map.Entry<String, SortedSetDocValues> entry : values.entrySet()) {
                long[] ordinals = ordinalCounts.get(entry.getKey());
                Map<String, Long> fieldCounts = counts.computeIfAbsent(entry.getKey(), k -> new HashMap<>());
                for (int ord = 0; ord < ordinals.length; ord++) {
                    if (ordinals[ord] > 0) {
                        fieldCounts.merge(entry.getValue().lookupOrd(ord).utf8ToString(), ordinals[ord], Long::sum);
                    }
                }
            }
            values.clear();
            ordinalCounts.clear();
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    // --- cursors -----------------------------------------------------------------------------------------

    /** The sort values of the last item of a page: the next page starts after them. */
    private String encodeCursor(FieldDoc last) {
        List<String> values = new ArrayList<>();
        for (Object value : last.fields) {
            values.add(value instanceof BytesRef bytes ? "s:" + bytes.utf8ToString() : "l:" + value);
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private FieldDoc decodeCursor(String cursor, Sort sort, int maxDoc) {
        List<String> values;
        try {
            values = mapper.readValue(Base64.getUrlDecoder().decode(cursor), new TypeReference<List<String>>() { });
        } catch (IOException | IllegalArgumentException e) {
            throw new BadCursor();
        }
        SortField[] fields = sort.getSort();
        if (values.size() != fields.length) {
            throw new BadCursor();
        }
        Object[] decoded = new Object[values.size()];
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            boolean stringField = fields[i].getType() == SortField.Type.STRING;
            try {
                if (stringField && value.startsWith("s:")) {
                    decoded[i] = new BytesRef(value.substring(2).getBytes(StandardCharsets.UTF_8));
                } else if (!stringField && value.startsWith("l:")) {
                    decoded[i] = Long.parseLong(value.substring(2));
                } else {
                    throw new BadCursor();
                }
            } catch (NumberFormatException e) {
                throw new BadCursor();
            }
        }
        // The case id closes every sort, so only the cursor's own case ties with it; Lucene then skips documents
        // whose doc id is at most the cursor's, and the highest doc id makes sure that case is never repeated.
        return new FieldDoc(Math.max(0, maxDoc - 1), Float.NaN, decoded);
    }

    /** A cursor that this index did not make, or made for another sort. */
    public static final class BadCursor extends RuntimeException {
        BadCursor() {
            super("cursor not valid for this list", null, false, false);
        }
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Integer, Long> positionsFrom(Iterable<Map.Entry<String, String>> data) {
        Map<Integer, Long> positions = new HashMap<>();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (entry.getKey().startsWith(POSITION_PREFIX)) {
                    positions.put(Integer.parseInt(entry.getKey().substring(POSITION_PREFIX.length())),
                            Long.parseLong(entry.getValue()));
                }
            }
        }
        return positions;
    }
}
