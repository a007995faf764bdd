import { loadCorpus, type LoadedCorpus } from '../../core/corpus/load-corpus';
import { NodeCorpusFiles } from '../node-corpus-files';
import { repositoryRoot, verifyCommit } from './git';
import { GitRevisionFiles } from './revision-files';

/** What `loadCorpusAt` calls the working tree (no ref can be spelt so: refs have no spaces). */
export const WORKING_TREE_LABEL = 'working tree';

/**
 * The corpus at `corpusRoot` as it is in revision `ref` (a commit, branch, tag, `HEAD~2`),
 * or in the working tree when `ref` is undefined. The ref is verified as a commit first: one
 * that is not is a `GitError` naming it. `label` is the ref as typed (or "working tree");
 * `commit` the full hash it named.
 */
export async function loadCorpusAt(corpusRoot: string, ref: string | undefined): Promise<{ loaded: LoadedCorpus; label: string; commit?: string }> {
  if (ref === undefined) return { loaded: await loadCorpus(new NodeCorpusFiles(corpusRoot)), label: WORKING_TREE_LABEL };
  const top = await repositoryRoot(corpusRoot);
  const commit = await verifyCommit(top, ref);
  const files = new GitRevisionFiles(top, commit, corpusRoot);
  try {
    return { loaded: await loadCorpus(files), label: ref, commit };
  } finally {
    files.dispose();
  }
}
